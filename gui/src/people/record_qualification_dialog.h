// Records one completion of a qualification for a person: which one, when, until when (by
// default from its validity), and where the certificate is. The service checks what the form
// cannot (an expiry after the completion, a URL that is one, what the login may record) and the
// dialog shows its answer without closing, so nothing typed is lost.
#pragma once

#include "services/qualification_service.h"

#include <QDialog>

#include <vector>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QDialogButtonBox;
class QLineEdit;

namespace steward::gui {

class MessageBar;
class Workspace;

class RecordQualificationDialog : public QDialog {
    Q_OBJECT

public:
    // Offers the qualifications of the catalogue that are not retired.
    RecordQualificationDialog(Workspace& workspace, const QString& personEmail,
                              const QString& personName, QWidget* parent = nullptr);

    RecordInput input() const;
    // The record stored once the dialog was accepted.
    const QualificationRecord& recorded() const { return m_recorded; }

    QComboBox* qualificationBox() const { return m_qualification; }
    QDateEdit* completedEdit() const { return m_completed; }
    QCheckBox* fromValidityBox() const { return m_fromValidity; }
    QDateEdit* expiresEdit() const { return m_expires; }
    QLineEdit* evidenceUrlEdit() const { return m_evidenceUrl; }
    MessageBar* messageBar() const { return m_message; }

public slots:
    // Records the completion; accepts on success, else shows why and stays open.
    void accept() override;

private:
    Workspace& m_workspace;
    QString m_email;
    QualificationRecord m_recorded;
    MessageBar* m_message;
    QComboBox* m_qualification;
    QDateEdit* m_completed;
    QCheckBox* m_fromValidity;
    QDateEdit* m_expires;
    QLineEdit* m_evidenceUrl;
    QLineEdit* m_externalId;
    QLineEdit* m_note;
    QDialogButtonBox* m_buttons;
};

} // namespace steward::gui
