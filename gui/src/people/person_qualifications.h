// A person's qualifications on their page: every record with its expiry and whether it counts
// today, and, from the coverage check of the projects they work on, what their roles require that
// they lack or that lapses soon (UNQUALIFIED_HOLDER, QUALIFICATION_EXPIRING).
#pragma once

#include "services/qualification_service.h"

#include <steward/staffing.h>

#include <QWidget>

#include <vector>

class QLabel;
class QPushButton;
class QTableWidget;

namespace steward::gui {

class PersonQualifications : public QWidget {
    Q_OBJECT

public:
    enum Column {
        NameColumn,
        CompletedColumn,
        ExpiresColumn,
        StateColumn,
        EvidenceColumn,
        ColumnCount
    };
    enum class State { Valid, Expiring, Expired, Renewed };

    explicit PersonQualifications(QWidget* parent = nullptr);

    // `findings` are the person's qualification findings on their projects.
    void show(const std::vector<QualificationRecord>& records, const std::vector<Finding>& findings,
              const QDate& today);
    void clear();

    QTableWidget* table() const { return m_table; }
    // One line a qualification finding: "SEPSIS-ALERT: ... holds no valid ..."; hidden if none.
    QLabel* gapsLabel() const { return m_gaps; }
    QLabel* titleLabel() const { return m_title; }
    // "Record…": the page offers it to logins that may record qualifications.
    QPushButton* recordButton() const { return m_record; }

    // Valid: counts today and beyond the warning window; Expiring: lapses within it; Expired:
    // no longer counts; Renewed: expired, but a later completion of it was recorded.
    static State stateOf(const QualificationRecord& record,
                         const std::vector<QualificationRecord>& all, const QDate& today);
    static QString stateLabel(State state, const QualificationRecord& record, const QDate& today);

private:
    QLabel* m_title;
    QPushButton* m_record;
    QTableWidget* m_table;
    QLabel* m_gaps;
};

} // namespace steward::gui
