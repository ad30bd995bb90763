#include "audits/finding_actions.h"

#include "audits/audit_labels.h"
#include "common/workspace.h"

#include <QHBoxLayout>
#include <QInputDialog>
#include <QPushButton>

namespace steward::gui {

FindingActions::FindingActions(QWidget* parent)
    : QWidget(parent)
    , m_start(new QPushButton(tr("Start &work"), this))
    , m_resolve(new QPushButton(tr("Re&solve"), this))
    , m_accept(new QPushButton(tr("Accept ris&k…"), this))
{
    m_start->setAccessibleName(tr("Mark the finding in progress"));
    m_resolve->setAccessibleName(tr("Mark the finding resolved"));
    m_accept->setAccessibleName(tr("Accept the finding's risk"));
    m_accept->setToolTip(
        tr("Accepting a risk needs a justification; it is kept with the finding."));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_start);
    layout->addWidget(m_resolve);
    layout->addWidget(m_accept);
    connect(m_start, &QPushButton::clicked, this,
            [this] { emit moveRequested(FindingStatus::InProgress); });
    connect(m_resolve, &QPushButton::clicked, this,
            [this] { emit moveRequested(FindingStatus::Resolved); });
    connect(m_accept, &QPushButton::clicked, this,
            [this] { emit moveRequested(FindingStatus::RiskAccepted); });
    setCurrent(std::nullopt);
}

void FindingActions::setCurrent(std::optional<FindingStatus> status, bool acceptRisk)
{
    for (FindingStatus next : {FindingStatus::InProgress, FindingStatus::Resolved})
        button(next)->setEnabled(status && canMove(*status, next));
    m_accept->setVisible(acceptRisk);
    m_accept->setEnabled(acceptRisk && status && canMove(*status, FindingStatus::RiskAccepted));
}

QPushButton* FindingActions::button(FindingStatus next) const
{
    switch (next) {
    case FindingStatus::InProgress:
        return m_start;
    case FindingStatus::Resolved:
        return m_resolve;
    case FindingStatus::RiskAccepted:
        return m_accept;
    case FindingStatus::Open:
        break;
    }
    return nullptr;
}

bool FindingActions::canMove(FindingStatus current, FindingStatus next)
{
    const bool movable = current == FindingStatus::Open || current == FindingStatus::InProgress;
    return movable && next != FindingStatus::Open && next != current;
}

bool FindingActions::offered(const Workspace& workspace, qint64 findingId)
{
    return workspace.mayMoveFinding(findingId, false);
}

QString FindingActions::refusal(const Workspace& workspace, qint64 findingId, FindingStatus next,
                                const QString& justification)
{
    if (!workspace.isLinkedToPerson() && !workspace.permissions().runAudits)
        return tr("Your database user may not change audit findings.");
    if (workspace.actorEmail().isEmpty())
        return tr("Moving a finding on records who did it: choose “Act as…” in an audit first.");
    if (!workspace.mayMoveFinding(findingId, next == FindingStatus::RiskAccepted))
        return next == FindingStatus::RiskAccepted
                   ? tr("Only the audit's lead or an administrator may accept the risk of "
                        "finding %1.")
                         .arg(findingId)
                   : tr("Only the finding's owner, the audit's lead or an administrator may move "
                        "finding %1 on.")
                         .arg(findingId);
    if (next == FindingStatus::RiskAccepted && justification.trimmed().isEmpty())
        return tr("Accepting a risk needs a justification; the finding was left as it was.");
    return {};
}

std::optional<QString> FindingActions::askJustification(QWidget* parent, qint64 findingId,
                                                        FindingStatus next)
{
    if (next != FindingStatus::RiskAccepted)
        return QString();
    bool ok = false;
    const QString text = QInputDialog::getMultiLineText(
        parent, tr("Accept the risk of finding %1").arg(findingId),
        tr("Why is the risk acceptable? The justification is kept with the finding:"), QString(),
        &ok);
    if (!ok)
        return std::nullopt;
    return text;
}

QString FindingActions::movedMessage(qint64 findingId, FindingStatus next)
{
    return tr("Finding %1 moved to “%2”.").arg(findingId).arg(AuditLabels::of(next));
}

} // namespace steward::gui
