// Moves a finding on, from the findings list and from the runner's findings tab: open → in
// progress → resolved, or risk accepted with a justification. The buttons follow the selected
// finding's status; the host decides whether they are offered at all (offered(): who may move
// that finding on) and does the writing, so that refusals land in its own message bar.
#pragma once

#include "audit/audit_records.h"

#include <QWidget>

#include <optional>

class QPushButton;

namespace steward::gui {

class Workspace;

class FindingActions : public QWidget {
    Q_OBJECT

public:
    explicit FindingActions(QWidget* parent = nullptr);

    // The selected finding's status; nullopt when none is selected. `acceptRisk`: whether the
    // user may accept its risk (its owner may only move it on).
    void setCurrent(std::optional<FindingStatus> status, bool acceptRisk = true);
    QPushButton* button(FindingStatus next) const;

    // Whether a finding may go from `current` to `next` (the service's rule: open and in-progress
    // findings move on; resolved and risk-accepted ones are final).
    static bool canMove(FindingStatus current, FindingStatus next);
    // Whether the user may move this finding on: PostgreSQL's answer for a login that is a
    // person, else the audit permission and a person to record.
    static bool offered(const Workspace& workspace, qint64 findingId);
    // What the GUI can tell is wrong before writing, as a sentence; empty when nothing is.
    static QString refusal(const Workspace& workspace, qint64 findingId, FindingStatus next,
                           const QString& justification);
    // What moving the finding to `next` needs from the user: for a risk acceptance, asks why the
    // risk is accepted; otherwise nothing (an empty text). nullopt when the user cancels.
    static std::optional<QString> askJustification(QWidget* parent, qint64 findingId,
                                                   FindingStatus next);
    // "Finding 12 is now resolved."
    static QString movedMessage(qint64 findingId, FindingStatus next);

signals:
    // A button was clicked; for a risk acceptance the host asks for the justification.
    void moveRequested(FindingStatus next);

private:
    QPushButton* m_start;
    QPushButton* m_resolve;
    QPushButton* m_accept;
};

} // namespace steward::gui
