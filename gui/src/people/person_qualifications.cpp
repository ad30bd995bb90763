#include "people/person_qualifications.h"

#include "coverage/core_rules.h"
#include "domain/records.h"

#include <QBrush>
#include <QColor>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace steward::gui {
namespace {

const QColor kExpired(0xb7, 0x1c, 0x1c);
const QColor kExpiring(0x9a, 0x67, 0x00);

QString day(const QDate& d)
{
    return QLocale().toString(d, QLocale::ShortFormat);
}

} // namespace

PersonQualifications::PersonQualifications(QWidget* parent)
    : QWidget(parent)
    , m_title(new QLabel(tr("Qualifications"), this))
    , m_record(new QPushButton(tr("Re&cord…"), this))
    , m_table(new QTableWidget(0, ColumnCount, this))
    , m_gaps(new QLabel(this))
{
    m_table->setHorizontalHeaderLabels(
        {tr("Qualification"), tr("Completed"), tr("Expires"), tr("State"), tr("Evidence")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false); // a URL elided on one line keeps the rows short
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setAccessibleName(tr("Qualifications held"));
    m_gaps->setWordWrap(true);
    m_gaps->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_gaps->setAccessibleName(tr("Qualifications lacking"));
    QPalette red = m_gaps->palette();
    red.setColor(QPalette::WindowText, kExpired);
    m_gaps->setPalette(red);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_record->setAccessibleName(tr("Record a qualification for this person"));
    auto* header = new QHBoxLayout;
    header->addWidget(m_title, 1);
    header->addWidget(m_record);
    layout->addLayout(header);
    layout->addWidget(m_gaps);
    layout->addWidget(m_table, 1);
    clear();
}

void PersonQualifications::clear()
{
    m_table->setRowCount(0);
    m_gaps->clear();
    m_gaps->hide();
    m_title->setText(tr("Qualifications"));
}

PersonQualifications::State
PersonQualifications::stateOf(const QualificationRecord& record,
                              const std::vector<QualificationRecord>& all, const QDate& today)
{
    if (record.validOn(today))
        return record.expiresOn && today.daysTo(*record.expiresOn) <= kQualificationWarningDays
                   ? State::Expiring
                   : State::Valid;
    for (const QualificationRecord& other : all)
        if (other.id != record.id && other.qualificationKey == record.qualificationKey &&
            other.completedOn > record.completedOn)
            return State::Renewed;
    return State::Expired;
}

QString PersonQualifications::stateLabel(State state, const QualificationRecord& record,
                                         const QDate& today)
{
    switch (state) {
    case State::Valid:
        return tr("Valid");
    case State::Expiring:
        return tr("Expires in %n day(s)", nullptr,
                  static_cast<int>(today.daysTo(*record.expiresOn)));
    case State::Expired:
        return record.expiresOn ? tr("Expired %n day(s) ago", nullptr,
                                     static_cast<int>(record.expiresOn->daysTo(today)))
                                : tr("Expired");
    case State::Renewed:
        return tr("Expired, renewed since");
    }
    return {};
}

void PersonQualifications::show(const std::vector<QualificationRecord>& records,
                                const std::vector<Finding>& findings, const QDate& today)
{
    clear();
    m_table->setRowCount(static_cast<int>(records.size()));
    int row = 0;
    int valid = 0;
    for (const QualificationRecord& r : records) {
        const State state = stateOf(r, records, today);
        if (state == State::Valid || state == State::Expiring)
            ++valid;
        const QString evidence = !r.evidenceLocation.isEmpty() ? r.evidenceLocation
                                 : !r.externalId.isEmpty()     ? tr("LMS %1").arg(r.externalId)
                                                               : QString();
        const QStringList cells{r.qualificationName.isEmpty() ? r.qualificationKey
                                                              : r.qualificationName,
                                day(r.completedOn), r.expiresOn ? day(*r.expiresOn) : tr("never"),
                                stateLabel(state, r, today), evidence};
        for (int c = 0; c < ColumnCount; ++c)
            m_table->setItem(row, c, new QTableWidgetItem(cells[c]));
        m_table->item(row, NameColumn)->setToolTip(r.qualificationKey);
        if (!r.note.isEmpty())
            m_table->item(row, EvidenceColumn)->setToolTip(r.note);
        if (state == State::Expired || state == State::Expiring) {
            const QColor colour = state == State::Expired ? kExpired : kExpiring;
            m_table->item(row, StateColumn)->setForeground(QBrush(colour));
            m_table->item(row, ExpiresColumn)->setForeground(QBrush(colour));
        }
        ++row;
    }
    m_table->resizeColumnsToContents();
    m_title->setText(records.empty() ? tr("Qualifications: none recorded")
                                     : tr("Qualifications: %n recorded, %1 valid today", nullptr,
                                          static_cast<int>(records.size()))
                                           .arg(valid));

    QStringList gaps;
    for (const Finding& f : findings)
        gaps << tr("%1: %2").arg(qs(f.projectKey), qs(f.message));
    m_gaps->setText(gaps.join(QLatin1Char('\n')));
    m_gaps->setVisible(!gaps.isEmpty());
}

} // namespace steward::gui
