// A one-line notice above a screen's content: what went wrong, what conflicts, what was saved.
// Errors are shown where the user is looking instead of in a modal box, and stay until replaced.
#pragma once

#include <QFrame>

class QLabel;

namespace steward::gui {

class MessageBar : public QFrame {
    Q_OBJECT

public:
    enum class Kind { Information, Warning, Error };

    explicit MessageBar(QWidget* parent = nullptr);

    void showMessage(Kind kind, const QString& text);
    void clear();
    QString text() const;
    Kind kind() const { return m_kind; }

private:
    QLabel* m_label;
    Kind m_kind = Kind::Information;
};

// The sentence of a failed operation: the core's message and its details, one a line.
QString describeFailure(const std::exception& e);

} // namespace steward::gui
