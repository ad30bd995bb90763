// The translations built into steward-gui (gui/translations/*.ts, compiled by lrelease). English is
// one of them: source texts say "%n item(s)", and the English translation supplies "1 item" and
// "2 items".
#pragma once

class QCoreApplication;
class QLocale;

namespace steward::gui {

// Installs the translation for `locale` on `app`, falling back to English; returns whether one
// was found. Call once, before any window is made.
bool installTranslations(QCoreApplication& app, const QLocale& locale);

} // namespace steward::gui
