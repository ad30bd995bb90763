#include "audit_report.h"
#include "error.h"
#include "html_report_p.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QGuiApplication>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QTextDocument>

namespace steward {

QByteArray renderPdfReport(const AuditReportData& data)
{
    // Fonts and the text layout live in QtGui; without a QGuiApplication Qt aborts instead of
    // failing, so refuse here with a sentence instead.
    if (!qobject_cast<QGuiApplication*>(QCoreApplication::instance()))
        throw Error(ErrorKind::Internal, QStringLiteral("A PDF report needs a QGuiApplication."));

    QByteArray pdf;
    QBuffer buffer(&pdf);
    buffer.open(QIODevice::WriteOnly);

    QPdfWriter writer(&buffer);
    writer.setResolution(300);
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait,
                                     QMarginsF(15, 12, 15, 12), QPageLayout::Millimeter));
    writer.setTitle(reportTitle(data));
    writer.setCreator(QStringLiteral("Steward"));

    const QRectF body = writer.pageLayout().paintRectPixels(writer.resolution());
    const double dotsPerPoint = writer.resolution() / 72.0;
    const double headerHeight = 22 * dotsPerPoint; // running header: title line and a rule
    const double footerHeight = 18 * dotsPerPoint; // page number
    const QSizeF textPage(body.width(), body.height() - headerHeight - footerHeight);

    QTextDocument doc;
    // Lay the text out for the PDF's resolution, so point sizes come out as points on paper.
    doc.documentLayout()->setPaintDevice(&writer);
    doc.setDocumentMargin(0);
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPointSizeF(9);
    doc.setDefaultFont(font);
    doc.setHtml(renderHtmlReport(data));
    doc.setPageSize(textPage);
    const int pages = doc.pageCount();

    QPainter painter;
    if (!painter.begin(&writer))
        throw Error(ErrorKind::Internal, QStringLiteral("Could not start the PDF writer."));

    QFont small(QStringLiteral("DejaVu Sans"));
    small.setPointSizeF(7.5);
    const QString header = reportTitle(data);
    const QString generated =
        data.generatedAt.isValid()
            ? QStringLiteral("Generated %1 UTC")
                  .arg(data.generatedAt.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")))
            : QString();

    for (int page = 0; page < pages; ++page) {
        if (page > 0)
            writer.newPage();

        painter.setFont(small);
        painter.setPen(QColor(0x3b, 0x4a, 0x5c));
        const QRectF headerRect(0, 0, body.width(), headerHeight - 8 * dotsPerPoint);
        painter.drawText(
            headerRect, Qt::AlignLeft | Qt::AlignBottom,
            painter.fontMetrics().elidedText(header, Qt::ElideRight, int(body.width() * 0.7)));
        painter.drawText(headerRect, Qt::AlignRight | Qt::AlignBottom, generated);
        painter.setPen(QPen(QColor(0x9a, 0xa7, 0xb5), 0.5 * dotsPerPoint));
        painter.drawLine(QPointF(0, headerHeight - 5 * dotsPerPoint),
                         QPointF(body.width(), headerHeight - 5 * dotsPerPoint));

        const QRectF footerRect(0, body.height() - footerHeight + 6 * dotsPerPoint, body.width(),
                                footerHeight - 6 * dotsPerPoint);
        painter.setPen(QColor(0x3b, 0x4a, 0x5c));
        painter.drawText(footerRect, Qt::AlignLeft | Qt::AlignTop,
                         QStringLiteral("Steward audit #%1").arg(data.audit.id));
        painter.drawText(footerRect, Qt::AlignRight | Qt::AlignTop,
                         QStringLiteral("Page %1 of %2").arg(page + 1).arg(pages));

        // Each page shows its own slice of the one long layout, as QTextDocument::print does.
        painter.save();
        painter.translate(0, headerHeight - page * textPage.height());
        const QRectF slice(0, page * textPage.height(), textPage.width(), textPage.height());
        painter.setClipRect(slice);
        QAbstractTextDocumentLayout::PaintContext context;
        context.clip = slice;
        context.palette.setColor(QPalette::Text, QColor(0x1d, 0x24, 0x30));
        doc.documentLayout()->draw(&painter, context);
        painter.restore();
    }
    if (!painter.end())
        throw Error(ErrorKind::Internal, QStringLiteral("Could not finish the PDF."));
    return pdf;
}

} // namespace steward
