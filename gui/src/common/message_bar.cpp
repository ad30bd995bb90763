#include "common/message_bar.h"

#include "error.h"

#include <QHBoxLayout>
#include <QLabel>

namespace steward::gui {

MessageBar::MessageBar(QWidget* parent)
    : QFrame(parent)
    , m_label(new QLabel(this))
{
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    m_label->setWordWrap(true);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->addWidget(m_label);
    setAccessibleName(tr("Message"));
    setVisible(false);
}

void MessageBar::showMessage(Kind kind, const QString& text)
{
    m_kind = kind;
    QColor background;
    switch (kind) {
    case Kind::Information:
        background = QColor(0xe3, 0xf2, 0xfd);
        break;
    case Kind::Warning:
        background = QColor(0xff, 0xf4, 0xd6);
        break;
    case Kind::Error:
        background = QColor(0xfd, 0xe2, 0xe1);
        break;
    }
    QPalette p = palette();
    p.setColor(QPalette::Window, background);
    p.setColor(QPalette::WindowText, Qt::black);
    setPalette(p);
    m_label->setText(text);
    m_label->setAccessibleDescription(text);
    setVisible(true);
}

void MessageBar::clear()
{
    m_label->clear();
    setVisible(false);
}

QString MessageBar::text() const
{
    return m_label->text();
}

QString describeFailure(const std::exception& e)
{
    if (const auto* error = dynamic_cast<const Error*>(&e)) {
        QStringList lines{error->message()};
        lines += error->details();
        return lines.join(QLatin1Char('\n'));
    }
    return QString::fromLocal8Bit(e.what());
}

} // namespace steward::gui
