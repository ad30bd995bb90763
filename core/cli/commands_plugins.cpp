// steward plugins, steward checklist: the plugins Steward loads and the checklists they publish.
#include "command.h"
#include "db/database.h"
#include "db/session.h"
#include "domain/records.h"
#include "error.h"
#include "plugins/plugin_runtime.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSqlQuery>

#include <map>
#include <set>

namespace steward {
namespace {

QCommandLineOption opt(const QString& name, const QString& description,
                       const QString& valueName = {})
{
    return valueName.isEmpty() ? QCommandLineOption(name, description)
                               : QCommandLineOption(name, description, valueName);
}

QString joined(const std::vector<std::string>& values)
{
    QStringList list;
    for (const std::string& v : values)
        list << qs(v);
    return list.join(QStringLiteral(", "));
}

QJsonArray jsonStrings(const std::vector<std::string>& values)
{
    QJsonArray array;
    for (const std::string& v : values)
        array.append(qs(v));
    return array;
}

QJsonValue nullIfEmpty(const QString& s)
{
    return s.isEmpty() ? QJsonValue() : QJsonValue(s);
}

QJsonObject contributionsJson(const PluginRecord& r)
{
    return {{QStringLiteral("roles"), static_cast<int>(r.roleKeys.size())},
            {QStringLiteral("responsibilities"), static_cast<int>(r.responsibilityKeys.size())},
            {QStringLiteral("rules"), static_cast<int>(r.ruleKeys.size())},
            {QStringLiteral("checklists"), static_cast<int>(r.checklistKeys.size())}};
}

QString contributionsText(const PluginRecord& r)
{
    QStringList parts;
    const auto add = [&](std::size_t n, const char* what) {
        if (n > 0)
            parts << QStringLiteral("%1 %2").arg(n).arg(QLatin1String(what));
    };
    add(r.roleKeys.size(), r.roleKeys.size() == 1 ? "role" : "roles");
    add(r.ruleKeys.size(), r.ruleKeys.size() == 1 ? "rule" : "rules");
    add(r.checklistKeys.size(), r.checklistKeys.size() == 1 ? "checklist" : "checklists");
    return parts.isEmpty() ? QStringLiteral("-") : parts.join(QStringLiteral(", "));
}

QJsonObject recordJson(const PluginRecord& r)
{
    return {{QStringLiteral("id"), nullIfEmpty(qs(r.id))},
            {QStringLiteral("version"), nullIfEmpty(qs(r.version))},
            {QStringLiteral("state"), qs(toString(r.state))},
            {QStringLiteral("name"), nullIfEmpty(qs(r.name))},
            {QStringLiteral("vendor"), nullIfEmpty(qs(r.vendor))},
            {QStringLiteral("path"), r.path},
            {QStringLiteral("error"), nullIfEmpty(r.error)},
            {QStringLiteral("contributions"), contributionsJson(r)}};
}

// A plugin the database knows from an earlier run whose file was not found this time.
struct KnownPlugin {
    QString id, version, name, vendor, path, state, error;
    bool enabled = true;
};

std::map<QString, KnownPlugin> knownPlugins(Database& db)
{
    std::map<QString, KnownPlugin> known;
    QSqlQuery q = db.exec(QStringLiteral("SELECT id, plugin_version, name, vendor, path, state, "
                                         "error, enabled FROM plugin ORDER BY id"));
    while (q.next())
        known[q.value(0).toString()] = {q.value(0).toString(), q.value(1).toString(),
                                        q.value(2).toString(), q.value(3).toString(),
                                        q.value(4).toString(), q.value(5).toString(),
                                        q.value(6).toString(), q.value(7).toBool()};
    return known;
}

std::vector<std::shared_ptr<const Rule>> rulesOf(const PluginRuntime& runtime,
                                                 const std::string& id)
{
    std::vector<std::shared_ptr<const Rule>> result;
    for (const auto& rule : runtime.rules())
        if (const auto* r = dynamic_cast<const PluginRule*>(rule.get()); r && r->pluginId() == id)
            result.push_back(rule);
    return result;
}

int itemCount(const ChecklistSpec& c)
{
    int n = 0;
    for (const ChecklistSection& s : c.sections)
        n += static_cast<int>(s.items.size());
    return n;
}

int listPlugins(Invocation& inv)
{
    Session& session = inv.session();
    const PluginRuntime& runtime = session.plugins();
    std::map<QString, KnownPlugin> known = knownPlugins(session.db());
    for (const PluginRecord& r : runtime.records())
        known.erase(qs(r.id));

    const auto differenceOf = [&runtime](const std::string& id) -> QJsonValue {
        for (const PluginDifference& d : runtime.differences())
            if (d.pluginId == id)
                return d.description;
        return QJsonValue();
    };
    if (inv.json()) {
        QJsonArray list;
        for (const PluginRecord& r : runtime.records()) {
            QJsonObject o = recordJson(r);
            o.insert(QStringLiteral("found"), true);
            o.insert(QStringLiteral("enabled"), r.state != PluginState::Disabled);
            o.insert(QStringLiteral("server_difference"), differenceOf(r.id));
            list.append(o);
        }
        for (const auto& [id, k] : known)
            list.append(QJsonObject{{QStringLiteral("id"), k.id},
                                    {QStringLiteral("version"), nullIfEmpty(k.version)},
                                    {QStringLiteral("state"), k.state},
                                    {QStringLiteral("name"), nullIfEmpty(k.name)},
                                    {QStringLiteral("vendor"), nullIfEmpty(k.vendor)},
                                    {QStringLiteral("path"), k.path},
                                    {QStringLiteral("error"), nullIfEmpty(k.error)},
                                    {QStringLiteral("contributions"), QJsonValue()},
                                    {QStringLiteral("found"), false},
                                    {QStringLiteral("enabled"), k.enabled}});
        inv.printJson(list);
        return exit_code::Success;
    }

    TextTable table({QStringLiteral("ID"), QStringLiteral("VERSION"), QStringLiteral("STATE"),
                     QStringLiteral("NAME"), QStringLiteral("VENDOR"),
                     QStringLiteral("CONTRIBUTES")});
    QStringList problems;
    for (const PluginRecord& r : runtime.records()) {
        const QString id = r.id.empty() ? QStringLiteral("-") : qs(r.id);
        table.addRow({id, r.version.empty() ? QStringLiteral("-") : qs(r.version),
                      qs(toString(r.state)), r.name.empty() ? QStringLiteral("-") : qs(r.name),
                      r.vendor.empty() ? QStringLiteral("-") : qs(r.vendor), contributionsText(r)});
        if (r.state == PluginState::Failed)
            problems << QStringLiteral("%1 (%2): %3").arg(id, r.path, r.error);
    }
    for (const auto& [id, k] : known) {
        table.addRow(
            {k.id, k.version, QStringLiteral("not found"), k.name, k.vendor, QStringLiteral("-")});
        problems << QStringLiteral("%1: not found any more; it was at %2").arg(k.id, k.path);
    }
    if (runtime.records().empty() && known.empty()) {
        inv.out() << "No plugins found.\n";
        return exit_code::Success;
    }
    table.print(inv.out());
    if (!problems.isEmpty()) {
        inv.out() << '\n';
        for (const QString& p : problems)
            inv.out() << p << '\n';
    }
    // On a shared server only an administrator's client publishes plugin content; the others
    // use what is published and say where their own plugins differ.
    if (!runtime.published() && !runtime.differences().empty()) {
        inv.out() << "\nThis login does not publish plugin content (an administrator's client "
                     "does); the server's differs from the plugins here:\n";
        for (const PluginDifference& d : runtime.differences())
            inv.out() << "  " << d.description << '\n';
    }
    return exit_code::Success;
}

int showPlugin(Invocation& inv)
{
    const std::string id = inv.positional().at(0).toStdString();
    Session& session = inv.session();
    const PluginRuntime& runtime = session.plugins();
    const PluginRecord* r = runtime.record(id);
    if (!r) {
        const std::map<QString, KnownPlugin> known = knownPlugins(session.db());
        const auto k = known.find(qs(id));
        if (k == known.end())
            throw notFoundError(
                QStringLiteral("there is no plugin %1 (see `steward plugins list`)").arg(qs(id)));
        throw notFoundError(QStringLiteral("plugin %1 was not found any more; it was at %2")
                                .arg(qs(id), k->second.path));
    }
    const PluginContent* content = nullptr;
    const std::vector<PluginContent> contents = runtime.contents();
    for (const PluginContent& c : contents)
        if (c.pluginId == id)
            content = &c;
    const auto rules = rulesOf(runtime, id);
    const auto ruleDescription = [](const Rule& rule) {
        try {
            return qs(rule.description());
        } catch (const std::exception& e) {
            return QStringLiteral("(its description failed: %1)").arg(QString::fromUtf8(e.what()));
        }
    };

    if (inv.json()) {
        QJsonObject o = recordJson(*r);
        o.insert(QStringLiteral("description"), nullIfEmpty(qs(r->description)));
        o.insert(QStringLiteral("abi_version"), r->abiVersion);
        o.insert(QStringLiteral("min_steward_version"), nullIfEmpty(qs(r->minStewardVersion)));
        o.insert(QStringLiteral("max_steward_version"), nullIfEmpty(qs(r->maxStewardVersion)));
        o.insert(QStringLiteral("requires"), jsonStrings(r->requiredIds));
        QJsonArray roles;
        if (content)
            for (const RoleSpec& role : content->roles)
                roles.append(QJsonObject{
                    {QStringLiteral("key"), qs(role.key)},
                    {QStringLiteral("name"), qs(role.name)},
                    {QStringLiteral("category"), qs(role.category)},
                    {QStringLiteral("industry"),
                     role.industry ? QJsonValue(qs(toString(*role.industry))) : QJsonValue()},
                    {QStringLiteral("responsibilities"),
                     static_cast<int>(role.responsibilities.size())}});
        o.insert(QStringLiteral("roles"), roles);
        QJsonArray ruleList;
        for (const auto& rule : rules)
            ruleList.append(QJsonObject{{QStringLiteral("key"), qs(rule->key())},
                                        {QStringLiteral("description"), ruleDescription(*rule)}});
        o.insert(QStringLiteral("rules"), ruleList);
        QJsonArray checklists;
        if (content)
            for (const ChecklistSpec& c : content->checklists)
                checklists.append(
                    QJsonObject{{QStringLiteral("key"), qs(c.key)},
                                {QStringLiteral("title"), qs(c.title)},
                                {QStringLiteral("framework"), qs(c.framework)},
                                {QStringLiteral("framework_version"), qs(c.version)},
                                {QStringLiteral("sections"), static_cast<int>(c.sections.size())},
                                {QStringLiteral("items"), itemCount(c)}});
        o.insert(QStringLiteral("checklists"), checklists);
        inv.printJson(o);
        return exit_code::Success;
    }

    QTextStream& out = inv.out();
    out << qs(r->id) << ' ' << qs(r->version) << ": " << qs(r->name) << " (" << qs(r->vendor)
        << ")\n";
    if (!r->description.empty())
        out << qs(r->description) << '\n';
    out << "State: " << qs(toString(r->state)) << '\n';
    if (!r->error.isEmpty())
        out << "Error: " << r->error << '\n';
    out << "Path: " << r->path << '\n'
        << "Runs on Steward: " << qs(r->minStewardVersion)
        << (r->maxStewardVersion.empty()
                ? QStringLiteral(" and later")
                : QStringLiteral(" up to before %1").arg(qs(r->maxStewardVersion)))
        << " (plugin ABI " << r->abiVersion << ")\n"
        << "Requires: "
        << (r->requiredIds.empty() ? QStringLiteral("nothing") : joined(r->requiredIds)) << '\n';
    if (!content) {
        out << "Its content is offered only while it is active.\n";
        return exit_code::Success;
    }
    if (!content->roles.empty()) {
        out << "\nRoles:\n";
        TextTable table(
            {QStringLiteral("KEY"), QStringLiteral("NAME"), QStringLiteral("RESPONSIBILITIES")});
        for (const RoleSpec& role : content->roles)
            table.addRow(
                {qs(role.key), qs(role.name), QString::number(role.responsibilities.size())});
        table.print(out);
    }
    if (!rules.empty()) {
        out << "\nRules:\n";
        TextTable table({QStringLiteral("KEY"), QStringLiteral("CHECKS")});
        for (const auto& rule : rules)
            table.addRow({qs(rule->key()), ruleDescription(*rule)});
        table.print(out);
    }
    if (!content->checklists.empty()) {
        out << "\nChecklists:\n";
        TextTable table({QStringLiteral("KEY"), QStringLiteral("TITLE"), QStringLiteral("ITEMS")});
        for (const ChecklistSpec& c : content->checklists)
            table.addRow({qs(c.key), qs(c.title), QString::number(itemCount(c))});
        table.print(out);
    }
    return exit_code::Success;
}

// Never opens the database: it must work where there is none, e.g. on a plugin author's machine.
int checkPlugin(Invocation& inv)
{
    const QString path = inv.positional().at(0);
    const PluginRecord r = PluginHost::check(path, PluginRuntime::withBuiltinKeys({}));
    const bool loadable = r.state == PluginState::Loaded;
    // A sound file can still clash with what is installed here (the bundled plugins and
    // STEWARD_PLUGIN_PATH): say so, as a warning.
    const std::vector<std::string> clashes =
        r.id.empty() ? std::vector<std::string>{} : PluginHost::clashes(r);
    if (inv.json()) {
        QJsonObject o = recordJson(r);
        o.insert(QStringLiteral("loadable"), loadable);
        o.insert(QStringLiteral("requires"), jsonStrings(r.requiredIds));
        o.insert(QStringLiteral("warnings"), jsonStrings(clashes));
        inv.printJson(o);
    } else if (loadable) {
        inv.out() << r.path << ": loadable: " << qs(r.id) << ' ' << qs(r.version) << " ("
                  << qs(r.name) << "), " << contributionsText(r) << '\n';
        if (!r.requiredIds.empty())
            inv.out() << "It requires: " << joined(r.requiredIds)
                      << " (not checked here: they must be active where it is installed)\n";
        for (const std::string& clash : clashes)
            inv.out() << "Warning: " << qs(clash) << '\n';
    } else {
        inv.out() << r.path << ": failed: " << r.error << '\n';
    }
    return loadable ? exit_code::Success : exit_code::Refused;
}

int setPluginEnabled(Invocation& inv, bool enabled)
{
    const QString id = inv.positional().at(0);
    Session& session = inv.session();
    PluginRuntime::setEnabled(session.db(), id.toStdString(), enabled, PluginHostOptions{},
                              inv.expectedVersion());
    inv.out() << (enabled ? "Enabled" : "Disabled") << " plugin " << id
              << (enabled ? "; it is loaded from the next start.\n"
                          : "; it is not loaded from the next start.\n");
    return exit_code::Success;
}

int listChecklists(Invocation& inv)
{
    Session& session = inv.session();
    session.plugins(); // publish what the plugins ship now
    QSqlQuery q = session.db().exec(QStringLiteral(
        "SELECT c.key, c.title, c.framework, coalesce(c.plugin_id, ''), v.number, v.label, "
        "(SELECT count(*) FROM checklist_item i WHERE i.version_id = v.id), "
        "(SELECT count(*) FROM checklist_version a WHERE a.checklist_key = c.key), "
        "coalesce(p.state, ''), v.file_name FROM checklist c "
        "JOIN checklist_version v ON v.id = c.current_version_id "
        "LEFT JOIN plugin p ON p.id = c.plugin_id ORDER BY c.key"));
    QJsonArray list;
    TextTable table({QStringLiteral("KEY"), QStringLiteral("TITLE"), QStringLiteral("FROM"),
                     QStringLiteral("VERSION"), QStringLiteral("ITEMS")});
    while (q.next()) {
        list.append(
            QJsonObject{{QStringLiteral("key"), q.value(0).toString()},
                        {QStringLiteral("title"), q.value(1).toString()},
                        {QStringLiteral("framework"), q.value(2).toString()},
                        {QStringLiteral("plugin"), nullIfEmpty(q.value(3).toString())},
                        {QStringLiteral("plugin_state"), nullIfEmpty(q.value(8).toString())},
                        {QStringLiteral("file"), nullIfEmpty(q.value(9).toString())},
                        {QStringLiteral("version"), q.value(4).toInt()},
                        {QStringLiteral("label"), q.value(5).toString()},
                        {QStringLiteral("items"), q.value(6).toInt()},
                        {QStringLiteral("versions"), q.value(7).toInt()}});
        const QString from = q.value(3).toString().isEmpty()
                                 ? QStringLiteral("file %1").arg(q.value(9).toString())
                                 : q.value(3).toString();
        table.addRow({q.value(0).toString(), q.value(1).toString(), from,
                      QStringLiteral("%1 (%2)").arg(q.value(4).toString(), q.value(5).toString()),
                      q.value(6).toString()});
    }
    if (inv.json())
        inv.printJson(list);
    else if (list.isEmpty())
        inv.out() << "No checklists: no active plugin ships one and none was imported.\n";
    else
        table.print(inv.out());
    return exit_code::Success;
}

QJsonArray textArrayJson(const QVariant& value)
{
    // QPSQL hands text[] over as its literal, "{high,limited}".
    QString s = value.toString();
    s.remove(QLatin1Char('{')).remove(QLatin1Char('}')).remove(QLatin1Char('"'));
    QJsonArray array;
    for (const QString& part : s.split(QLatin1Char(','), Qt::SkipEmptyParts))
        array.append(part);
    return array;
}

int showChecklist(Invocation& inv)
{
    const QString key = inv.positional().at(0);
    Session& session = inv.session();
    session.plugins();
    Database& db = session.db();
    QSqlQuery v =
        inv.isSet(QStringLiteral("version"))
            ? db.exec(QStringLiteral("SELECT v.id, v.number, v.label, v.title, v.framework, "
                                     "v.framework_version, v.plugin_id, v.plugin_version, "
                                     "v.source, v.licence, v.published_at, "
                                     "v.id = c.current_version_id, v.file_name, v.file_sha256 "
                                     "FROM checklist_version v "
                                     "JOIN checklist c ON c.key = v.checklist_key "
                                     "WHERE v.checklist_key = ? AND v.number = ?"),
                      {key, inv.intOption(QStringLiteral("version"), 0)})
            : db.exec(QStringLiteral("SELECT v.id, v.number, v.label, v.title, v.framework, "
                                     "v.framework_version, v.plugin_id, v.plugin_version, "
                                     "v.source, v.licence, v.published_at, true, v.file_name, "
                                     "v.file_sha256 FROM checklist c JOIN checklist_version v "
                                     "ON v.id = c.current_version_id WHERE c.key = ?"),
                      {key});
    if (!v.next())
        throw notFoundError(
            inv.isSet(QStringLiteral("version"))
                ? QStringLiteral("checklist %1 has no version %2 (see `steward checklist list`)")
                      .arg(key, inv.value(QStringLiteral("version")))
                : QStringLiteral("there is no checklist %1 (see `steward checklist list`)")
                      .arg(key));
    const QVariant versionId = v.value(0);

    struct Section {
        QString id, title, description;
        QJsonArray items;
    };
    std::vector<Section> sections;
    std::map<qint64, std::size_t> sectionIndex;
    QSqlQuery s =
        db.exec(QStringLiteral("SELECT id, section_id, title, description FROM checklist_section "
                               "WHERE version_id = ? ORDER BY position"),
                {versionId});
    while (s.next()) {
        sectionIndex[s.value(0).toLongLong()] = sections.size();
        sections.push_back(
            {s.value(1).toString(), s.value(2).toString(), s.value(3).toString(), {}});
    }
    QSqlQuery i =
        db.exec(QStringLiteral("SELECT section_id, item_id, text, guidance, expected_evidence, "
                               "role_key, reference, risk_tiers, actors, industries "
                               "FROM checklist_item WHERE version_id = ? ORDER BY position"),
                {versionId});
    int items = 0;
    while (i.next()) {
        ++items;
        sections[sectionIndex.at(i.value(0).toLongLong())].items.append(
            QJsonObject{{QStringLiteral("id"), i.value(1).toString()},
                        {QStringLiteral("text"), i.value(2).toString()},
                        {QStringLiteral("guidance"), i.value(3).toString()},
                        {QStringLiteral("expected_evidence"), i.value(4).toString()},
                        {QStringLiteral("role"), nullIfEmpty(i.value(5).toString())},
                        {QStringLiteral("reference"), nullIfEmpty(i.value(6).toString())},
                        {QStringLiteral("applies_to"),
                         QJsonObject{{QStringLiteral("risk_tiers"), textArrayJson(i.value(7))},
                                     {QStringLiteral("actors"), textArrayJson(i.value(8))},
                                     {QStringLiteral("industries"), textArrayJson(i.value(9))}}}});
    }

    if (inv.json()) {
        QJsonArray sectionList;
        for (const Section& sec : sections)
            sectionList.append(
                QJsonObject{{QStringLiteral("id"), sec.id},
                            {QStringLiteral("title"), sec.title},
                            {QStringLiteral("description"), nullIfEmpty(sec.description)},
                            {QStringLiteral("items"), sec.items}});
        inv.printJson(
            QJsonObject{{QStringLiteral("key"), key},
                        {QStringLiteral("version"), v.value(1).toInt()},
                        {QStringLiteral("label"), v.value(2).toString()},
                        {QStringLiteral("current"), v.value(11).toBool()},
                        {QStringLiteral("title"), v.value(3).toString()},
                        {QStringLiteral("framework"), v.value(4).toString()},
                        {QStringLiteral("framework_version"), v.value(5).toString()},
                        {QStringLiteral("plugin"), nullIfEmpty(v.value(6).toString())},
                        {QStringLiteral("plugin_version"), nullIfEmpty(v.value(7).toString())},
                        {QStringLiteral("file"), nullIfEmpty(v.value(12).toString())},
                        {QStringLiteral("file_sha256"), nullIfEmpty(v.value(13).toString())},
                        {QStringLiteral("source"), v.value(8).toString()},
                        {QStringLiteral("licence"), v.value(9).toString()},
                        {QStringLiteral("published_at"),
                         v.value(10).toDateTime().toUTC().toString(Qt::ISODate)},
                        {QStringLiteral("items"), items},
                        {QStringLiteral("sections"), sectionList}});
        return exit_code::Success;
    }

    QTextStream& out = inv.out();
    out << v.value(3).toString() << "\nChecklist " << key << ", version " << v.value(1).toInt()
        << " (" << v.value(2).toString() << ")"
        << (v.value(11).toBool() ? "" : ", not the current version") << ", " << items << " items\n"
        << (v.value(12).toString().isEmpty()
                ? QString()
                : QStringLiteral("Imported from %1 (SHA-256 %2)\n")
                      .arg(v.value(12).toString(), v.value(13).toString()))
        << "Source: " << v.value(8).toString() << '\n'
        << "Licence: " << v.value(9).toString() << '\n';
    for (const Section& sec : sections) {
        out << '\n' << sec.id << ' ' << sec.title << '\n';
        for (const QJsonValue& value : sec.items) {
            const QJsonObject item = value.toObject();
            out << "  " << item.value(QStringLiteral("id")).toString() << "  "
                << item.value(QStringLiteral("text")).toString() << '\n';
            QStringList notes;
            if (!item.value(QStringLiteral("role")).isNull())
                notes << QStringLiteral("answered by %1")
                             .arg(item.value(QStringLiteral("role")).toString());
            if (!item.value(QStringLiteral("reference")).isNull())
                notes << item.value(QStringLiteral("reference")).toString();
            const QJsonObject applies = item.value(QStringLiteral("applies_to")).toObject();
            for (const QString& field : {QStringLiteral("risk_tiers"), QStringLiteral("actors"),
                                         QStringLiteral("industries")}) {
                QStringList values;
                for (const QJsonValue& x : applies.value(field).toArray())
                    values << x.toString();
                if (!values.isEmpty())
                    notes << QStringLiteral("only %1").arg(values.join(QStringLiteral("/")));
            }
            if (!notes.isEmpty())
                out << "      (" << notes.join(QStringLiteral("; ")) << ")\n";
        }
    }
    return exit_code::Success;
}

} // namespace

void registerPluginCommands(CommandLine& cli)
{
    cli.add({{QStringLiteral("plugins"), QStringLiteral("list")},
             QStringLiteral("List the plugins found, with their state, version and any error."),
             QStringLiteral("Loads the plugins and brings their content into the database first. "
                            "Plugins the database knows from earlier runs but whose file is gone "
                            "are listed as not found."),
             {},
             {},
             true,
             listPlugins});
    cli.add({{QStringLiteral("plugins"), QStringLiteral("show")},
             QStringLiteral(
                 "Show one plugin: its descriptor, requirements, roles, rules and checklists."),
             {},
             {},
             {{QStringLiteral("ID"), QStringLiteral("The plugin's id, e.g. healthcare.")}},
             true,
             showPlugin});
    cli.add(
        {{QStringLiteral("plugins"), QStringLiteral("check")},
         QStringLiteral(
             "Check that a plugin file loads and its content is valid, without a database."),
         QStringLiteral("Exits with 0 when the plugin is loadable and 1, printing the reason, when "
                        "it is not. The plugins it requires are listed but not loaded."),
         {},
         {{QStringLiteral("PATH"), QStringLiteral("The plugin file (steward-plugin-*.so).")}},
         true,
         checkPlugin});
    cli.add({{QStringLiteral("plugins"), QStringLiteral("disable")},
             QStringLiteral("Switch a plugin off: it is not loaded from the next start."),
             QStringLiteral("Its roles and checklists stay in the database as they are."),
             {expectVersionOption(QStringLiteral("the plugin's row"))},
             {{QStringLiteral("ID"), QStringLiteral("The plugin's id.")}},
             false,
             [](Invocation& inv) {
                 return setPluginEnabled(inv, false);
             }});
    cli.add({{QStringLiteral("plugins"), QStringLiteral("enable")},
             QStringLiteral("Switch a disabled plugin back on."),
             {},
             {expectVersionOption(QStringLiteral("the plugin's row"))},
             {{QStringLiteral("ID"), QStringLiteral("The plugin's id.")}},
             false,
             [](Invocation& inv) {
                 return setPluginEnabled(inv, true);
             }});
    cli.add({{QStringLiteral("checklist"), QStringLiteral("list")},
             QStringLiteral(
                 "List the audit checklists the plugins publish, with their current version."),
             {},
             {},
             {},
             true,
             listChecklists});
    cli.add({{QStringLiteral("checklist"), QStringLiteral("show")},
             QStringLiteral("Show a checklist's sections and items."),
             QStringLiteral("Shows the version its plugin ships now, or an earlier published one."),
             {opt(QStringLiteral("version"),
                  QStringLiteral("Show this published version (1, 2, ...)."), QStringLiteral("n"))},
             {{QStringLiteral("KEY"), QStringLiteral("The checklist's key, e.g. nist-ai-rmf.")}},
             true,
             showChecklist});
}

} // namespace steward
