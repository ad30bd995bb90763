#include "common/person_picker.h"

#include "common/message_bar.h"
#include "common/workspace.h"
#include "services/person_service.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <set>

namespace steward::gui {
namespace {

constexpr int kEmailRole = Qt::UserRole + 1;
constexpr int kNameRole = Qt::UserRole + 2;

} // namespace

PersonPicker::PersonPicker(Workspace& workspace, const QString& title, const QString& explanation,
                           QWidget* parent)
    : QDialog(parent)
    , m_workspace(workspace)
    , m_search(new QLineEdit(this))
    , m_results(new QListWidget(this))
    , m_status(new QLabel(this))
    , m_allocationLabel(new QLabel(tr("&Allocation for the role:"), this))
    , m_allocation(new QSpinBox(this))
    , m_typingPause(new QTimer(this))
    , m_ok(nullptr)
{
    setWindowTitle(title);
    auto* intro = new QLabel(explanation, this);
    intro->setWordWrap(true);
    m_search->setPlaceholderText(tr("Search by name or e-mail"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search people"));
    m_results->setAccessibleName(tr("People to choose from"));
    m_results->setMinimumHeight(260);
    m_status->setAccessibleName(tr("Search status"));
    m_allocation->setRange(1, 100);
    m_allocation->setValue(20);
    m_allocation->setSuffix(tr(" %"));
    m_allocation->setAccessibleName(tr("Allocation of the new role assignment"));
    m_allocationLabel->setBuddy(m_allocation);
    m_typingPause->setSingleShot(true);
    m_typingPause->setInterval(250);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("&Assign"));
    m_ok->setEnabled(false);

    auto* allocationRow = new QFormLayout;
    allocationRow->addRow(m_allocationLabel, m_allocation);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_search);
    layout->addWidget(m_results, 1);
    layout->addWidget(m_status);
    layout->addLayout(allocationRow);
    layout->addWidget(buttons);
    setAllocationVisible(false);
    resize(520, 480);

    connect(m_search, &QLineEdit::textEdited, m_typingPause, qOverload<>(&QTimer::start));
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        m_typingPause->stop();
        refresh();
    });
    connect(m_typingPause, &QTimer::timeout, this, &PersonPicker::refresh);
    connect(m_results, &QListWidget::currentItemChanged, this, [this](QListWidgetItem* item) {
        m_ok->setEnabled(item && !selectedEmail().isEmpty());
    });
    connect(m_results, &QListWidget::itemActivated, this, [this] {
        if (!selectedEmail().isEmpty())
            accept();
    });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    refresh();
}

void PersonPicker::setSuggestions(std::vector<Candidate> suggestions)
{
    m_suggestions = std::move(suggestions);
    refresh();
}

void PersonPicker::setAllocationVisible(bool visible)
{
    m_allocationLabel->setVisible(visible);
    m_allocation->setVisible(visible);
}

void PersonPicker::search(const QString& text)
{
    m_typingPause->stop();
    m_search->setText(text);
    refresh();
}

bool PersonPicker::select(const QString& email)
{
    for (int i = 0; i < m_results->count(); ++i) {
        if (m_results->item(i)->data(kEmailRole).toString().compare(email, Qt::CaseInsensitive) ==
            0) {
            m_results->setCurrentRow(i);
            return true;
        }
    }
    return false;
}

QString PersonPicker::selectedEmail() const
{
    const QListWidgetItem* item = m_results->currentItem();
    return item ? item->data(kEmailRole).toString() : QString();
}

QString PersonPicker::selectedName() const
{
    const QListWidgetItem* item = m_results->currentItem();
    return item ? item->data(kNameRole).toString() : QString();
}

int PersonPicker::allocationPercent() const
{
    return m_allocation->value();
}

void PersonPicker::refresh()
{
    const QString previous = selectedEmail();
    m_results->clear();
    const QString text = m_search->text().trimmed();
    std::set<QString> listed;
    auto add = [this, &listed](const QString& email, const QString& name, const QString& note) {
        if (!listed.insert(email.toLower()).second)
            return;
        auto* item = new QListWidgetItem(note.isEmpty() ? tr("%1 <%2>").arg(name, email)
                                                        : tr("%1 <%2> — %3").arg(name, email, note),
                                         m_results);
        item->setData(kEmailRole, email);
        item->setData(kNameRole, name);
        if (!note.isEmpty()) {
            QFont bold = item->font();
            bold.setBold(true);
            item->setFont(bold);
        }
    };
    for (const Candidate& c : m_suggestions)
        if (text.isEmpty() || c.name.contains(text, Qt::CaseInsensitive) ||
            c.email.contains(text, Qt::CaseInsensitive))
            add(c.email, c.name, c.note);
    try {
        PersonFilter filter;
        filter.search = text;
        filter.active = true;
        filter.limit = kPageSize + 1; // one more tells that there are more
        const auto people = PersonService(m_workspace.db()).list(filter);
        const int shown = std::min(static_cast<int>(people.size()), kPageSize);
        for (int i = 0; i < shown; ++i)
            add(people[static_cast<std::size_t>(i)].email, people[static_cast<std::size_t>(i)].name,
                {});
        if (people.size() > static_cast<std::size_t>(kPageSize))
            m_status->setText(tr("Showing the first %n matches; type more to narrow the search.",
                                 nullptr, kPageSize));
        else
            m_status->setText(people.empty() && m_results->count() == 0
                                  ? tr("Nobody active matches \"%1\".").arg(text)
                                  : QString());
    } catch (const std::exception& e) {
        m_status->setText(tr("The search failed: %1").arg(describeFailure(e)));
    }
    if (!previous.isEmpty())
        select(previous);
    if (!m_results->currentItem() && m_results->count() == 1)
        m_results->setCurrentRow(0);
    m_ok->setEnabled(!selectedEmail().isEmpty());
}

} // namespace steward::gui
