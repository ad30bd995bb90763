// The page of one audit: walks its checklist section by section. For the current item it shows
// the text, guidance, expected evidence, reference and suggested respondent, records the result
// and note, attaches evidence (a file, whose hash and size are recorded, or a URL), raises
// findings and moves them on, and reassigns the item's respondent. Progress and score stay in
// view; the lead (or an audit admin) submits the audit for review and closes it; anyone may
// export the report. What the user may not do is not offered, and the database's refusals are
// shown in the message bar.
#pragma once

#include "audit/audit_records.h"
#include "audit/audit_service.h"
#include "audits/report_export.h"
#include "checklists/crosswalk.h"

#include <QHash>
#include <QPointer>
#include <QWidget>

#include <vector>

class QAbstractButton;
class QButtonGroup;
class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTabWidget;
class QTextBrowser;
class QToolButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace steward::gui {

class FindingActions;
class MessageBar;
class Workspace;

class AuditRunner : public QWidget {
    Q_OBJECT

public:
    explicit AuditRunner(Workspace& workspace, QWidget* parent = nullptr);

    // Reads the audit and shows its first item not yet assessed. False (and a message) when it
    // cannot be read.
    bool openAudit(qint64 auditId);
    qint64 auditId() const { return m_audit.id; }
    const Audit& audit() const { return m_audit; }
    // Reads the audit again, staying on the current item.
    void reload();

    bool selectItem(const QString& itemId);
    QString currentItemId() const;
    const AuditItem* currentItem() const;
    void nextItem();
    void previousItem();

    // What the buttons do. Each reports its outcome in the message bar and returns whether it
    // was written.
    bool recordResult(ItemResult result); // with the note as typed
    bool saveNote();
    bool attachFile(const QString& path, const QString& description = {});
    bool attachUrl(const QString& url, const QString& description = {});
    // The current item's finding when `input.itemId` is empty.
    bool raiseFinding(FindingInput input);
    // Moves a finding of this audit on; a risk acceptance needs `justification`.
    bool moveFinding(qint64 findingId, FindingStatus next, const QString& justification = {});
    // Shows the finding in the findings tab, on its item.
    bool showFinding(qint64 findingId);
    // Makes this person the current item's respondent.
    bool assignRespondent(const QString& email);
    bool submitForReview();
    bool closeAudit(const QString& statement);
    // The person the audit steps are recorded for, remembered for the next start.
    bool actAs(const QString& email);
    // Reads the report data and starts writing it to `path` off the GUI thread.
    bool startExport(ReportFormat format, const QString& path);
    ReportExport* runningExport() const { return m_export; }

    // Whether the user may change the audit / sign it off (offered only then).
    bool canEdit() const;
    bool canSignOff() const;
    // Whether the user may answer the current item (result, note, evidence, findings).
    bool canAnswerCurrentItem() const;

    QTreeWidget* sectionTree() const { return m_tree; }
    QAbstractButton* resultButton(ItemResult result) const;
    QPlainTextEdit* noteEdit() const { return m_note; }
    // The item's text, guidance, expected evidence and reference.
    QTextBrowser* itemView() const { return m_itemView; }
    QLabel* respondentLabel() const { return m_respondent; }
    QPushButton* reassignButton() const { return m_reassign; }
    QTreeWidget* evidenceList() const { return m_evidenceList; }
    QTreeWidget* findingsList() const { return m_findingsList; }
    QProgressBar* progressBar() const { return m_progress; }
    QLabel* scoreLabel() const { return m_score; }
    MessageBar* messageBar() const { return m_message; }
    QPushButton* actAsButton() const { return m_actAs; }
    QPushButton* submitButton() const { return m_submit; }
    QPushButton* closeButton() const { return m_close; }
    QPushButton* attachFileButton() const { return m_attachFile; }
    QPushButton* addUrlButton() const { return m_addUrl; }
    // Evidence of a mapped item in another audit of the project (a crosswalk), offered for the
    // current item, and the button that attaches it here too.
    QLabel* mappedEvidenceLabel() const { return m_mappedEvidence; }
    QPushButton* attachMappedButton() const { return m_attachMapped; }
    QPushButton* raiseFindingButton() const { return m_raiseFinding; }
    FindingActions* findingActions() const { return m_findingActions; }
    // The finding selected in the findings tab, or 0.
    qint64 currentFindingId() const;
    QPushButton* saveNoteButton() const { return m_saveNote; }
    QToolButton* exportButton() const { return m_exportButton; }
    QPushButton* cancelExportButton() const { return m_cancelExport; }

signals:
    // Something was written: lists and counts elsewhere are out of date.
    void auditChanged(qint64 auditId);
    void backRequested();
    // An export finished (written, failed or cancelled).
    void exportFinished();

protected:
    void showEvent(QShowEvent* event) override;

private:
    // Where the item tree keeps an item's id, and which rows are sections.
    static constexpr int ItemIdRole = Qt::UserRole;
    static constexpr int SectionRole = Qt::UserRole + 1;

    void buildTree();
    void updateTree();
    void showItem();
    void syncResultButtons();
    void showEvidence();
    void showMappedEvidence();
    void attachMappedEvidence();
    void showFindings();
    void updateHeader();
    void updateActions();
    // Runs a write; on failure shows why and returns false. Reloads after success.
    template <typename F>
    bool write(F&& action, const QString& done);
    bool requireActor();
    void chooseActor();
    void chooseFile();
    void askUrl();
    void askFinding();
    void askMoveFinding(FindingStatus next);
    void askRespondent();
    void updateFindingActions();
    void askClose();
    void askExport(ReportFormat format);
    QString personName(const QString& email);
    QString roleName(const QString& key);
    QStringList candidatePeople() const;
    int currentIndex() const;

    Workspace& m_workspace;
    bool m_takesPart = false;
    Audit m_audit;
    std::vector<AuditItem> m_items;
    std::vector<Evidence> m_evidence;
    std::vector<AuditFinding> m_findings;
    AuditScores m_scores;
    QHash<QString, QString> m_personNames;
    QHash<QString, QString> m_roleNames;
    QString m_currentItemId;

    QPushButton* m_back;
    QLabel* m_title;
    QLabel* m_details;
    QProgressBar* m_progress;
    QLabel* m_score;
    QPushButton* m_actAs;
    QPushButton* m_submit;
    QPushButton* m_close;
    QToolButton* m_exportButton;
    MessageBar* m_message;
    QWidget* m_exportBar;
    QLabel* m_exportLabel;
    QPushButton* m_cancelExport;
    QTreeWidget* m_tree;
    QLabel* m_itemHeading;
    QTextBrowser* m_itemView;
    QLabel* m_respondent;
    QPushButton* m_reassign;
    QLabel* m_resultLine;
    QPushButton* m_previous;
    QPushButton* m_next;
    QButtonGroup* m_results;
    QWidget* m_resultRow;
    QPlainTextEdit* m_note;
    QPushButton* m_saveNote;
    QTabWidget* m_tabs;
    QTreeWidget* m_evidenceList;
    QPushButton* m_attachFile;
    QPushButton* m_addUrl;
    QLabel* m_mappedEvidence;
    QPushButton* m_attachMapped;
    std::vector<MappedEvidenceOffer> m_offers; // for the current item
    QTreeWidget* m_findingsList;
    QPushButton* m_raiseFinding;
    FindingActions* m_findingActions;
    QPointer<ReportExport> m_export;
    bool m_updatingTree = false;
};

} // namespace steward::gui
