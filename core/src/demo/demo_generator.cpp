// The synthetic organisation: everything is decided in memory from one seeded generator, staged
// with COPY into temporary tables keyed by ordinal numbers, and moved into the real tables with a
// few set-based INSERTs that translate ordinals into the ids the server assigns.
#include "demo/demo_generator.h"

#include "catalog/builtin_catalogue.h"
#include "db/database.h"
#include "error.h"
#include "io/copy_in.h"

#include <steward/builtin_keys.h>
#include <steward/domain.h>

#include <QDate>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>

#include <algorithm>
#include <array>
#include <limits>
#include <map>
#include <random>
#include <set>
#include <span>
#include <tuple>
#include <vector>

namespace steward {
namespace {

// Dates are relative to this day rather than today, so that the same seed gives the same rows on
// any day. Assignments of live projects are open-ended, so they stay current whenever it is run.
const QDate kReferenceDay(2026, 1, 1);

const QString kDomain = QStringLiteral("@corp.steward.example");

// Uniform and weighted choices on top of std::mt19937_64, whose sequence the standard defines.
class Random {
public:
    explicit Random(std::uint64_t seed)
        : m_engine(seed)
    {
    }

    // Uniform in [0, n), without modulo bias: draws in the incomplete last block are redrawn.
    std::uint64_t below(std::uint64_t n)
    {
        constexpr std::uint64_t max = std::numeric_limits<std::uint64_t>::max();
        const std::uint64_t limit = max - max % n;
        std::uint64_t x = 0;
        do {
            x = m_engine();
        } while (x >= limit);
        return x % n;
    }
    int between(int low, int high) // inclusive
    {
        return low + static_cast<int>(below(static_cast<std::uint64_t>(high - low + 1)));
    }
    bool perMille(int chance) { return below(1000) < static_cast<std::uint64_t>(chance); }
    template <typename T>
    const T& pick(std::span<const T> items)
    {
        return items[below(items.size())];
    }
    // An index into `weights`, each index as likely as its weight.
    std::size_t weighted(std::span<const int> weights)
    {
        int total = 0;
        for (const int w : weights)
            total += w;
        int x = static_cast<int>(below(static_cast<std::uint64_t>(total)));
        for (std::size_t i = 0; i < weights.size(); ++i) {
            if (x < weights[i])
                return i;
            x -= weights[i];
        }
        return weights.size() - 1;
    }
    template <typename T>
    void shuffle(std::vector<T>& items) // Fisher-Yates
    {
        for (std::size_t i = items.size(); i > 1; --i)
            std::swap(items[i - 1], items[below(i)]);
    }

private:
    std::mt19937_64 m_engine;
};

// Word lists
// ---------------------------------------------------------------------------------------

constexpr std::array kFirstNames = {
    "Aaliyah",   "Abdul",    "Adaeze", "Adam",     "Aditi",     "Agnes",     "Ahmed",   "Aiko",
    "Alejandro", "Alice",    "Amara",  "Amir",     "Ana",       "Anders",    "Andrea",  "Anika",
    "Arjun",     "Astrid",   "Ayesha", "Beatriz",  "Benjamin",  "Bilal",     "Bogdan",  "Camille",
    "Carlos",    "Chen",     "Chiara", "Chloe",    "Daniel",    "Daria",     "David",   "Dmitri",
    "Elena",     "Elif",     "Emeka",  "Emma",     "Erik",      "Esther",    "Fatima",  "Felix",
    "Freya",     "Gabriel",  "Grace",  "Hamza",    "Hana",      "Hannah",    "Hugo",    "Ibrahim",
    "Ines",      "Ingrid",   "Isabel", "Ivan",     "Jamal",     "Javier",    "Jin",     "Johan",
    "Jonas",     "Julia",    "Kai",    "Kalinda",  "Kenji",     "Khadija",   "Kofi",    "Lars",
    "Laura",     "Leila",    "Leon",   "Li",       "Lucia",     "Lukas",     "Maria",   "Marek",
    "Mateo",     "Maya",     "Mei",    "Mohammed", "Nadia",     "Naledi",    "Nikolai", "Noah",
    "Nora",      "Olga",     "Oliver", "Omar",     "Paolo",     "Pedro",     "Priya",   "Rafael",
    "Rania",     "Ravi",     "Rosa",   "Samuel",   "Sara",      "Sebastian", "Sofia",   "Sunita",
    "Tariq",     "Thandiwe", "Tomas",  "Urvashi",  "Valentina", "Viktor",    "Wei",     "Yara",
    "Yusuf",     "Yuki",     "Zainab", "Zoran",
};

constexpr std::array kLastNames = {
    "Abebe",    "Adeyemi",   "Ahmadi",    "Alvarez",  "Andersson", "Becker",   "Bianchi",
    "Brennan",  "Brooks",    "Castillo",  "Chen",     "Clarke",    "Costa",    "Dubois",
    "Dvorak",   "Eriksen",   "Fernandes", "Fischer",  "Garcia",    "Gonzalez", "Gupta",
    "Haddad",   "Hansen",    "Herrera",   "Ho",       "Hoffmann",  "Hussain",  "Ivanova",
    "Jansen",   "Johansson", "Kaya",      "Kim",      "Kowalski",  "Kumar",    "Laurent",
    "Lee",      "Lindqvist", "Lopez",     "Martin",   "Mehta",     "Mensah",   "Moreau",
    "Muller",   "Murphy",    "Nakamura",  "Nguyen",   "Nilsson",   "Novak",    "Nowak",
    "Obi",      "Okafor",    "Olsen",     "Osei",     "Park",      "Patel",    "Petrova",
    "Popescu",  "Rahman",    "Raman",     "Reyes",    "Richter",   "Rossi",    "Sato",
    "Schmidt",  "Shankar",   "Silva",     "Singh",    "Sousa",     "Suzuki",   "Tanaka",
    "Thompson", "Tran",      "Turner",    "Van Dijk", "Vasquez",   "Wagner",   "Walker",
    "Wang",     "Watanabe",  "Weber",     "Williams", "Wong",      "Yamamoto", "Yilmaz",
    "Zhang",    "Zielinski",
};

constexpr std::array kDivisions = {
    "Data & AI Platform",
    "Clinical Informatics",
    "Risk & Compliance",
    "Marketing Analytics",
    "Product",
    "Legal & Privacy",
    "Programme Office",
    "Customer Operations",
    "Finance",
    "People & Culture",
    "Supply Chain",
    "Manufacturing Engineering",
    "Public Services",
    "Research",
    "Information Security",
    "Infrastructure",
    "Sales",
    "Customer Experience",
    "Strategy",
    "Quality Assurance",
};

constexpr std::array kCities = {
    "Amsterdam", "Berlin",     "Lisbon",    "Madrid",    "Paris",     "Dublin",
    "London",    "Manchester", "Edinburgh", "Stockholm", "Oslo",      "Copenhagen",
    "Helsinki",  "Warsaw",     "Prague",    "Vienna",    "Zurich",    "Milan",
    "Rome",      "Athens",     "Toronto",   "Boston",    "Singapore", "Sydney",
};

constexpr std::array kSeniority = {"", "", "", "Senior ", "Senior ", "Lead ", "Principal "};

struct IndustryWords {
    Industry industry;
    const char* keyPrefix;
    int weight;
    std::array<const char*, 10> subjects;
    std::array<const char*, 5> tags;
};

const std::array<IndustryWords, 7> kIndustries = {{
    {Industry::General,
     "GEN",
     25,
     {"Policy", "Contract", "Expense", "Helpdesk", "Document", "Meeting", "Knowledge", "Travel",
      "Procurement", "Recruiting"},
     {"internal", "generative-ai", "automation", "employee-data", "search"}},
    {Industry::Healthcare,
     "HLT",
     15,
     {"Sepsis", "Radiology", "Readmission", "Cardiology", "Oncology", "Triage", "Pathology",
      "Discharge", "Medication", "Ward Staffing"},
     {"patient-data", "clinical-use", "medical-device", "early-warning", "imaging"}},
    {Industry::Finance,
     "FIN",
     20,
     {"Credit", "Fraud", "Anti-Money-Laundering", "Claims", "Underwriting", "Collections",
      "Trading", "Liquidity", "Mortgage", "Payments"},
     {"credit-decision", "customer-data", "transaction-data", "real-time", "regulatory"}},
    {Industry::Marketing,
     "MKT",
     20,
     {"Churn", "Offer", "Campaign", "Audience", "Pricing", "Lead", "Loyalty", "Basket", "Content",
      "Attribution"},
     {"customer-data", "personalisation", "profiling", "generative-ai", "churn-prediction"}},
    {Industry::PublicSector,
     "PUB",
     8,
     {"Benefits", "Permit", "Citizen Enquiry", "Inspection", "Traffic", "Tax", "Housing",
      "Emergency Dispatch", "School Place", "Grant"},
     {"citizen-data", "public-service", "eligibility", "transparency", "real-time"}},
    {Industry::Manufacturing,
     "MFG",
     8,
     {"Predictive Maintenance", "Defect", "Yield", "Demand", "Energy", "Supplier", "Robot Cell",
      "Inventory", "Safety", "Quality"},
     {"sensor-data", "computer-vision", "real-time", "edge", "safety"}},
    {Industry::Other,
     "OTH",
     4,
     {"Route", "Crop", "Weather", "Translation", "Speech", "Archive", "Ticketing", "Venue", "Fleet",
      "Catalogue"},
     {"internal", "customer-data", "generative-ai", "real-time", "automation"}},
}};

struct Capability {
    const char* name;
    const char* sentence; // "%1" is the subject in lower case
};

constexpr std::array<Capability, 12> kCapabilities = {{
    {"Early Warning", "Warns staff early about %1 cases that need attention."},
    {"Triage", "Ranks incoming %1 work by urgency so the most pressing is handled first."},
    {"Forecast", "Forecasts %1 volumes for planning and staffing."},
    {"Assistant", "A chat assistant that answers questions about %1, citing its sources."},
    {"Risk Scoring", "Scores %1 cases by risk and proposes a decision that a person confirms."},
    {"Anomaly Detection", "Flags unusual %1 activity for review by a specialist team."},
    {"Recommender", "Recommends the next best %1 action for each case."},
    {"Summariser", "Summarises %1 documents for the people who decide on them."},
    {"Classifier", "Sorts %1 records into categories and routes them to the right queue."},
    {"Optimiser", "Optimises %1 schedules and allocations within agreed limits."},
    {"Insights", "Explains trends in %1 data to business stakeholders."},
    {"Copilot", "Drafts %1 responses and documents for staff to review and send."},
}};

constexpr std::array kRiskWeightsRegulated = {200, 250, 540, 10}; // minimal .. unacceptable
constexpr std::array kRiskWeightsOther = {500, 350, 145, 5};
constexpr std::array kStageWeights = {10, 25, 15, 10, 30, 10}; // concept .. retirement
constexpr std::array kAiActRoleWeights = {30, 30, 40};         // provider, deployer, both
constexpr std::array kAllocations = {10, 20, 25, 30, 40, 50, 100};
constexpr std::array kAllocationWeights = {15, 25, 15, 15, 10, 15, 5};

// Per mille of projects with a deliberate gap in one required responsibility.
constexpr int kNoAccountablePerMille = 20;
constexpr int kNoResponsiblePerMille = 10;
// Per mille of people who have left (inactive, never staffed) and of assignments that ended early
// (only of a role's second or third holder, so that no required duty is orphaned by chance).
constexpr int kLeaverPerMille = 30;
constexpr int kEndedEarlyPerMille = 100;

// What is generated
// --------------------------------------------------------------------------------

struct CatalogRole {
    QString key;
    QString name;
    QString category;
    std::vector<int> responsibilities; // indexes into Catalog::responsibilities
};

struct CatalogResponsibility {
    QString key;
    int role = 0;
    bool required = false;
};

struct Catalog {
    std::vector<CatalogRole> roles;
    std::vector<CatalogResponsibility> responsibilities;
};

struct GenUnit {
    QString name;
    int parent = -1;
};

struct GenPerson {
    QString email;
    QString name;
    int unit = 0;
    QString title;
    int role = 0;
    bool active = true;
    int allocated = 0; // percent over every assignment
};

struct GenProject {
    QString key;
    QString name;
    QString description;
    Industry industry = Industry::General;
    RiskTier riskTier = RiskTier::Minimal;
    ProjectStage stage = ProjectStage::Concept;
    ProjectStatus status = ProjectStatus::Proposed;
    AiActRole aiActRole = AiActRole::Deployer;
    QStringList tags;
    int owner = -1;
    QDate start;
    std::optional<QDate> end;
};

struct GenAssignment {
    int project = 0;
    int person = 0;
    int role = 0;
    QDate from;
    std::optional<QDate> to;
    int allocation = 0;
};

struct GenRaci {
    int project = 0;
    int responsibility = 0;
    int person = 0;
    char kind = 'R';
};

struct Organisation {
    std::vector<GenUnit> units;
    std::vector<GenPerson> people;
    std::vector<GenProject> projects;
    std::vector<GenAssignment> assignments;
    std::vector<GenRaci> raci;
};

QString latin1(std::string_view s)
{
    return QString::fromLatin1(s.data(), static_cast<qsizetype>(s.size()));
}

Catalog readCatalog(Database& db)
{
    Catalog catalog;
    std::map<QString, int> roleIndex;
    QSqlQuery roles = db.exec(QStringLiteral("SELECT key, name, category FROM role WHERE pack = ? "
                                             "AND retired_at IS NULL ORDER BY position, key"),
                              {QString::fromLatin1(kBuiltinPackKey)});
    while (roles.next()) {
        roleIndex[roles.value(0).toString()] = static_cast<int>(catalog.roles.size());
        catalog.roles.push_back(
            {roles.value(0).toString(), roles.value(1).toString(), roles.value(2).toString(), {}});
    }
    QSqlQuery resps = db.exec(
        QStringLiteral(
            "SELECT r.key, r.role_key, r.required FROM responsibility r JOIN role ro ON ro.key = "
            "r.role_key WHERE ro.pack = ? AND ro.retired_at IS NULL AND r.retired_at IS NULL "
            "ORDER BY ro.position, ro.key, r.position, r.key"),
        {QString::fromLatin1(kBuiltinPackKey)});
    while (resps.next()) {
        const int role = roleIndex.at(resps.value(1).toString());
        catalog.roles[static_cast<std::size_t>(role)].responsibilities.push_back(
            static_cast<int>(catalog.responsibilities.size()));
        catalog.responsibilities.push_back(
            {resps.value(0).toString(), role, resps.value(2).toBool()});
    }
    if (catalog.roles.empty() || catalog.responsibilities.empty())
        throw conflictError(QStringLiteral("the built-in role catalogue is missing; run 'steward "
                                           "db migrate' before generating an organisation"));
    return catalog;
}

void generateUnits(Organisation& org, const GeneratedShape& shape)
{
    const int divisions = std::min<int>((shape.orgUnits + 24) / 25, int{kDivisions.size()});
    for (int d = 0; d < divisions; ++d)
        org.units.push_back({QString::fromUtf8(kDivisions[static_cast<std::size_t>(d)]), -1});
    for (int t = 0; t < shape.orgUnits - divisions; ++t) {
        const int division = t % divisions;
        const int place = t / divisions;
        QString city = QString::fromUtf8(kCities[static_cast<std::size_t>(place) % kCities.size()]);
        if (place >= static_cast<int>(kCities.size()))
            city += QStringLiteral(" %1").arg(place / static_cast<int>(kCities.size()) + 1);
        org.units.push_back({QStringLiteral("%1 \u2013 %2")
                                 .arg(org.units[static_cast<std::size_t>(division)].name, city),
                             division});
    }
}

QString emailPart(const char* name)
{
    QString part = QString::fromLatin1(name).toLower();
    part.remove(QLatin1Char(' '));
    part.remove(QLatin1Char('-'));
    return part;
}

void generatePeople(Organisation& org, const Catalog& catalog, const GeneratedShape& shape,
                    Random& random)
{
    // People sit in teams, the units below a division; an organisation too small for teams puts
    // them in its divisions.
    const int units = static_cast<int>(org.units.size());
    const int divisions = static_cast<int>(std::count_if(
        org.units.begin(), org.units.end(), [](const GenUnit& u) { return u.parent == -1; }));
    const int firstUnit = divisions < units ? divisions : 0;
    QHash<QString, int> localParts;
    org.people.reserve(static_cast<std::size_t>(shape.people));
    for (int i = 0; i < shape.people; ++i) {
        GenPerson p;
        const char* first = random.pick(std::span<const char* const>(kFirstNames));
        const char* last = random.pick(std::span<const char* const>(kLastNames));
        QString local = emailPart(first) + QLatin1Char('.') + emailPart(last);
        if (random.perMille(400)) {
            const QString initial(QLatin1Char(static_cast<char>('A' + random.below(26))));
            p.name =
                QStringLiteral("%1 %2. %3").arg(QLatin1String(first), initial, QLatin1String(last));
            local = emailPart(first) + QLatin1Char('.') + initial.toLower() + QLatin1Char('.') +
                    emailPart(last);
        } else {
            p.name = QStringLiteral("%1 %2").arg(QLatin1String(first), QLatin1String(last));
        }
        const int seen = ++localParts[local];
        p.email = (seen == 1 ? local : local + QString::number(seen)) + kDomain;
        p.unit = random.between(firstUnit, units - 1);
        p.role = static_cast<int>(random.below(catalog.roles.size()));
        p.title = QString::fromLatin1(random.pick(std::span<const char* const>(kSeniority))) +
                  catalog.roles[static_cast<std::size_t>(p.role)].name;
        p.active = !random.perMille(kLeaverPerMille);
        org.people.push_back(std::move(p));
    }
}

std::vector<std::vector<int>> staffPools(const Organisation& org, const Catalog& catalog)
{
    std::vector<std::vector<int>> pools(catalog.roles.size());
    for (std::size_t i = 0; i < org.people.size(); ++i) {
        const GenPerson& p = org.people[i];
        if (p.active)
            pools[static_cast<std::size_t>(p.role)].push_back(static_cast<int>(i));
    }
    return pools;
}

GenProject makeProject(int ord, Random& random)
{
    GenProject p;
    std::array<int, kIndustries.size()> industryWeights{};
    for (std::size_t i = 0; i < kIndustries.size(); ++i)
        industryWeights[i] = kIndustries[i].weight;
    const IndustryWords& words = kIndustries[random.weighted(industryWeights)];
    p.industry = words.industry;
    const char* subject = random.pick(std::span<const char* const>(words.subjects));
    const Capability& capability = random.pick(std::span<const Capability>(kCapabilities));
    p.key = QStringLiteral("%1-%2")
                .arg(QLatin1String(words.keyPrefix))
                .arg(ord + 1, 5, 10, QLatin1Char('0'));
    p.name = QStringLiteral("%1 %2").arg(QLatin1String(subject), QLatin1String(capability.name));
    p.description =
        QString::fromLatin1(capability.sentence).arg(QString::fromLatin1(subject).toLower());
    const bool regulated = p.industry == Industry::Healthcare || p.industry == Industry::Finance ||
                           p.industry == Industry::PublicSector;
    p.riskTier = static_cast<RiskTier>(
        random.weighted(regulated ? kRiskWeightsRegulated : kRiskWeightsOther));
    p.stage = static_cast<ProjectStage>(random.weighted(kStageWeights));
    const int statusRoll = random.between(0, 99);
    switch (p.stage) {
    case ProjectStage::Retirement:
        p.status = statusRoll < 85 ? ProjectStatus::Completed : ProjectStatus::Cancelled;
        break;
    case ProjectStage::Concept:
        p.status = statusRoll < 70   ? ProjectStatus::Proposed
                   : statusRoll < 90 ? ProjectStatus::Active
                                     : ProjectStatus::Cancelled;
        break;
    default:
        p.status = statusRoll < 85   ? ProjectStatus::Active
                   : statusRoll < 95 ? ProjectStatus::OnHold
                                     : ProjectStatus::Cancelled;
    }
    p.aiActRole = static_cast<AiActRole>(random.weighted(kAiActRoleWeights));
    std::vector<int> tagIndexes = {0, 1, 2, 3, 4};
    random.shuffle(tagIndexes);
    const int tagCount = random.between(1, 3);
    for (int t = 0; t < tagCount; ++t)
        p.tags << QString::fromLatin1(
            words.tags[static_cast<std::size_t>(tagIndexes[static_cast<std::size_t>(t)])]);
    p.tags.sort();
    p.start = kReferenceDay.addDays(-random.between(30, 1800));
    if (p.status == ProjectStatus::Completed || p.status == ProjectStatus::Cancelled)
        p.end = std::min(p.start.addDays(random.between(90, 900)), kReferenceDay.addDays(-1));
    return p;
}

// Staffs one project and writes its RACI matrix: `budget` entries when the team allows.
void staffProject(Organisation& org, const Catalog& catalog, std::vector<std::vector<int>>& pools,
                  int projectOrd, int budget, Random& random)
{
    GenProject& project = org.projects[static_cast<std::size_t>(projectOrd)];
    const bool finished = project.end.has_value();
    // holders[role]: people who hold it and answer for its duties (not those who left early).
    std::vector<std::vector<int>> holders(catalog.roles.size());
    std::vector<int> team;
    for (std::size_t role = 0; role < catalog.roles.size(); ++role) {
        const int wanted = 1 + (random.perMille(450) ? 1 : 0) + (random.perMille(150) ? 1 : 0);
        std::vector<int>& pool = pools[role];
        for (int h = 0; h < wanted && !pool.empty(); ++h) {
            const int allocation = kAllocations[random.weighted(kAllocationWeights)];
            // Probe from a random start for someone with room; give up on a busy role.
            const std::size_t start = random.below(pool.size());
            int chosen = -1;
            for (std::size_t probe = 0; probe < std::min<std::size_t>(pool.size(), 64); ++probe) {
                const int candidate = pool[(start + probe) % pool.size()];
                const GenPerson& person = org.people[static_cast<std::size_t>(candidate)];
                if (person.allocated + allocation <= 100 &&
                    std::find(team.begin(), team.end(), candidate) == team.end()) {
                    chosen = candidate;
                    break;
                }
            }
            if (chosen < 0)
                break;
            GenAssignment a;
            a.project = projectOrd;
            a.person = chosen;
            a.role = static_cast<int>(role);
            a.allocation = allocation;
            a.from = std::min(project.start.addDays(random.between(0, 60)), kReferenceDay);
            bool answers = true;
            if (finished) {
                a.to = std::max(a.from, *project.end);
            } else if (h > 0 && random.perMille(kEndedEarlyPerMille) &&
                       a.from.addDays(60) < kReferenceDay) {
                a.to = std::min(a.from.addDays(random.between(30, 300)), kReferenceDay.addDays(-1));
                answers = false;
            }
            org.people[static_cast<std::size_t>(chosen)].allocated += allocation;
            org.assignments.push_back(a);
            team.push_back(chosen);
            if (answers)
                holders[role].push_back(chosen);
        }
    }
    for (std::size_t role = 0; role < catalog.roles.size(); ++role) {
        if (catalog.roles[role].key == QLatin1String("ai-product-manager") &&
            !holders[role].empty())
            project.owner = holders[role].front();
    }
    if (project.owner < 0 && !team.empty())
        project.owner = team.front();

    std::set<std::tuple<int, int, char>> written;
    std::set<int> accountable;
    int count = 0;
    const auto add = [&](int responsibility, int person, char kind) {
        if (count >= budget)
            return;
        if (kind == 'A' && !accountable.insert(responsibility).second)
            return;
        if (!written.insert({responsibility, person, kind}).second)
            return;
        org.raci.push_back({projectOrd, responsibility, person, kind});
        ++count;
    };
    const auto addAccountableAndResponsible = [&](int responsibility, bool withA, bool withR) {
        const auto& h = holders[static_cast<std::size_t>(
            catalog.responsibilities[static_cast<std::size_t>(responsibility)].role)];
        if (h.empty())
            return;
        if (withA)
            add(responsibility, h[random.below(h.size())], 'A');
        if (withR)
            for (const int person : h)
                add(responsibility, person, 'R');
    };

    std::vector<int> required;
    std::vector<int> optional;
    for (std::size_t r = 0; r < catalog.responsibilities.size(); ++r)
        (catalog.responsibilities[r].required ? required : optional).push_back(static_cast<int>(r));
    int gapIn = -1;
    char gapKind = 0;
    const int gapRoll = static_cast<int>(random.below(1000));
    if (!required.empty() && gapRoll < kNoAccountablePerMille + kNoResponsiblePerMille) {
        gapIn = required[random.below(required.size())];
        gapKind = gapRoll < kNoAccountablePerMille ? 'A' : 'R';
    }
    // Required duties first, then optional ones and the Consulted and Informed around them.
    for (const int r : required)
        addAccountableAndResponsible(r, !(r == gapIn && gapKind == 'A'),
                                     !(r == gapIn && gapKind == 'R'));
    random.shuffle(optional);
    std::vector<int> all(catalog.responsibilities.size());
    for (std::size_t r = 0; r < all.size(); ++r)
        all[r] = static_cast<int>(r);
    random.shuffle(all);
    const auto addAround = [&](int responsibility) {
        const auto& h = holders[static_cast<std::size_t>(
            catalog.responsibilities[static_cast<std::size_t>(responsibility)].role)];
        const int person = team.empty() ? -1 : team[random.below(team.size())];
        if (person < 0 || std::find(h.begin(), h.end(), person) != h.end())
            return;
        add(responsibility, person, random.perMille(450) ? 'C' : 'I');
    };
    for (std::size_t i = 0; i < optional.size(); ++i) {
        addAccountableAndResponsible(optional[i], true, true);
        addAround(all[i % all.size()]);
    }
    // Fill up with Consulted and Informed until the budget is met or the team is too small.
    for (int attempt = 0; count < budget && attempt < 20 * budget; ++attempt)
        addAround(all[random.below(all.size())]);
}

Organisation generateOrganisation(const Catalog& catalog, const GeneratedShape& shape,
                                  std::uint64_t seed)
{
    Random random(seed);
    Organisation org;
    generateUnits(org, shape);
    generatePeople(org, catalog, shape, random);
    auto pools = staffPools(org, catalog);
    org.projects.reserve(static_cast<std::size_t>(shape.projects));
    org.raci.reserve(static_cast<std::size_t>(shape.projects) *
                     static_cast<std::size_t>(shape.raciPerProject));
    for (int i = 0; i < shape.projects; ++i) {
        org.projects.push_back(makeProject(i, random));
        staffProject(org, catalog, pools, i, shape.raciPerProject, random);
    }
    return org;
}

// Writing ----------------------------------------------------------------------------------------

std::optional<QString> date(const std::optional<QDate>& d)
{
    return d ? std::optional<QString>(d->toString(Qt::ISODate)) : std::nullopt;
}

QString arrayLiteral(const QStringList& items) // tags are plain slugs, no quoting needed
{
    return QLatin1Char('{') + items.join(QLatin1Char(',')) + QLatin1Char('}');
}

void stage(Database& db, const Organisation& org, const Catalog& catalog,
           const DemoGenerator::Progress& progress)
{
    const auto step = [&](const QString& what) {
        if (progress)
            progress(what);
    };
    db.exec(QStringLiteral("CREATE TEMP TABLE gen_unit (ord integer PRIMARY KEY, name text, "
                           "parent_ord integer) ON COMMIT DROP"));
    db.exec(QStringLiteral("CREATE TEMP TABLE gen_person (ord integer PRIMARY KEY, email text, "
                           "name text, unit_ord integer, title text, external_id text, "
                           "active boolean) ON COMMIT DROP"));
    db.exec(QStringLiteral(
        "CREATE TEMP TABLE gen_project (ord integer PRIMARY KEY, key text, name text, "
        "description text, industry text, risk_tier text, stage text, status text, "
        "ai_act_role text, tags text[], owner_ord integer, start_date date, end_date date) "
        "ON COMMIT DROP"));
    db.exec(QStringLiteral("CREATE TEMP TABLE gen_assignment (ord integer, project_ord integer, "
                           "person_ord integer, role_key text, from_date date, to_date date, "
                           "allocation integer) ON COMMIT DROP"));
    db.exec(QStringLiteral("CREATE TEMP TABLE gen_raci (ord integer, project_ord integer, "
                           "responsibility_key text, person_ord integer, kind char(1)) "
                           "ON COMMIT DROP"));
    step(QStringLiteral("org units and people"));
    {
        CopyIn copy(db, QStringLiteral("COPY gen_unit (ord, name, parent_ord) FROM STDIN"));
        for (std::size_t i = 0; i < org.units.size(); ++i) {
            const GenUnit& u = org.units[i];
            copy.putRow(
                {QString::number(i), u.name,
                 u.parent < 0 ? std::nullopt : std::optional<QString>(QString::number(u.parent))});
        }
        copy.finish();
    }
    {
        CopyIn copy(db, QStringLiteral("COPY gen_person (ord, email, name, unit_ord, title, "
                                       "external_id, active) FROM STDIN"));
        for (std::size_t i = 0; i < org.people.size(); ++i) {
            const GenPerson& p = org.people[i];
            copy.putRow({QString::number(i), p.email, p.name, QString::number(p.unit), p.title,
                         QStringLiteral("GEN-%1").arg(i + 1, 6, 10, QLatin1Char('0')),
                         p.active ? QStringLiteral("t") : QStringLiteral("f")});
        }
        copy.finish();
    }
    step(QStringLiteral("projects and assignments"));
    {
        CopyIn copy(db, QStringLiteral("COPY gen_project (ord, key, name, description, industry, "
                                       "risk_tier, stage, status, ai_act_role, tags, owner_ord, "
                                       "start_date, end_date) FROM STDIN"));
        for (std::size_t i = 0; i < org.projects.size(); ++i) {
            const GenProject& p = org.projects[i];
            copy.putRow(
                {QString::number(i), p.key, p.name, p.description, latin1(toString(p.industry)),
                 latin1(toString(p.riskTier)), latin1(toString(p.stage)),
                 latin1(toString(p.status)), latin1(toString(p.aiActRole)), arrayLiteral(p.tags),
                 p.owner < 0 ? std::nullopt : std::optional<QString>(QString::number(p.owner)),
                 p.start.toString(Qt::ISODate), date(p.end)});
        }
        copy.finish();
    }
    {
        CopyIn copy(db, QStringLiteral("COPY gen_assignment (ord, project_ord, person_ord, "
                                       "role_key, from_date, to_date, allocation) FROM STDIN"));
        for (std::size_t i = 0; i < org.assignments.size(); ++i) {
            const GenAssignment& a = org.assignments[i];
            copy.putRow({QString::number(i), QString::number(a.project), QString::number(a.person),
                         catalog.roles[static_cast<std::size_t>(a.role)].key,
                         a.from.toString(Qt::ISODate), date(a.to), QString::number(a.allocation)});
        }
        copy.finish();
    }
    step(QStringLiteral("RACI entries"));
    {
        CopyIn copy(db, QStringLiteral("COPY gen_raci (ord, project_ord, responsibility_key, "
                                       "person_ord, kind) FROM STDIN"));
        for (std::size_t i = 0; i < org.raci.size(); ++i) {
            const GenRaci& r = org.raci[i];
            copy.putRow({QString::number(i), QString::number(r.project),
                         catalog.responsibilities[static_cast<std::size_t>(r.responsibility)].key,
                         QString::number(r.person), QString(QLatin1Char(r.kind))});
        }
        copy.finish();
    }
    db.exec(QStringLiteral("ANALYZE gen_unit, gen_person, gen_project, gen_assignment, gen_raci"));
}

qint64 affected(QSqlQuery q)
{
    return q.numRowsAffected();
}

GenerateResult insertStaged(Database& db, const DemoGenerator::Progress& progress)
{
    GenerateResult result;
    const auto step = [&](const QString& what) {
        if (progress)
            progress(what);
    };
    step(QStringLiteral("writing org units and people"));
    result.orgUnits = affected(db.exec(QStringLiteral(
        "INSERT INTO org_unit (name) SELECT name FROM gen_unit WHERE parent_ord IS NULL "
        "ORDER BY ord")));
    result.orgUnits += affected(db.exec(QStringLiteral(
        "INSERT INTO org_unit (name, parent_id) SELECT g.name, u.id FROM gen_unit g "
        "JOIN gen_unit p ON p.ord = g.parent_ord JOIN org_unit u ON lower(u.name) = lower(p.name) "
        "ORDER BY g.ord")));
    db.exec(QStringLiteral("CREATE TEMP TABLE gen_unit_id ON COMMIT DROP AS SELECT g.ord, u.id "
                           "FROM gen_unit g JOIN org_unit u ON lower(u.name) = lower(g.name)"));
    result.people = affected(db.exec(QStringLiteral(
        "INSERT INTO person (email, name, org_unit_id, title, external_id, active) "
        "SELECT g.email, g.name, u.id, g.title, g.external_id, g.active FROM gen_person g "
        "LEFT JOIN gen_unit_id u ON u.ord = g.unit_ord ORDER BY g.ord")));
    db.exec(QStringLiteral("CREATE TEMP TABLE gen_person_id ON COMMIT DROP AS SELECT g.ord, p.id "
                           "FROM gen_person g JOIN person p ON lower(p.email) = lower(g.email)"));
    db.exec(QStringLiteral("ALTER TABLE gen_person_id ADD PRIMARY KEY (ord)"));
    step(QStringLiteral("writing projects and assignments"));
    result.projects = affected(db.exec(QStringLiteral(
        "INSERT INTO project (key, name, description, industry, risk_tier, stage, status, "
        "ai_act_role, tags, owner_id, start_date, end_date) SELECT g.key, g.name, g.description, "
        "g.industry, g.risk_tier, g.stage, g.status, g.ai_act_role, g.tags, o.id, g.start_date, "
        "g.end_date FROM gen_project g LEFT JOIN gen_person_id o ON o.ord = g.owner_ord "
        "ORDER BY g.ord")));
    db.exec(QStringLiteral("CREATE TEMP TABLE gen_project_id ON COMMIT DROP AS SELECT g.ord, p.id "
                           "FROM gen_project g JOIN project p ON p.key = g.key"));
    db.exec(QStringLiteral("ALTER TABLE gen_project_id ADD PRIMARY KEY (ord)"));
    db.exec(QStringLiteral("ANALYZE gen_person_id, gen_project_id"));
    result.assignments = affected(db.exec(QStringLiteral(
        "INSERT INTO assignment (project_id, person_id, role_key, from_date, to_date, "
        "allocation_percent) SELECT pr.id, pe.id, g.role_key, g.from_date, g.to_date, "
        "g.allocation FROM gen_assignment g JOIN gen_project_id pr ON pr.ord = g.project_ord "
        "JOIN gen_person_id pe ON pe.ord = g.person_ord ORDER BY g.ord")));
    step(QStringLiteral("writing RACI entries"));
    result.raciEntries = affected(db.exec(
        QStringLiteral("INSERT INTO raci_entry (project_id, responsibility_key, person_id, kind) "
                       "SELECT pr.id, g.responsibility_key, pe.id, g.kind FROM gen_raci g "
                       "JOIN gen_project_id pr ON pr.ord = g.project_ord "
                       "JOIN gen_person_id pe ON pe.ord = g.person_ord ORDER BY g.ord")));
    step(QStringLiteral("writing qualification records"));
    // Everyone but one in two hundred took the AI-literacy course in the 20 months before the
    // reference day, and whoever answers for human oversight its training in the 3 months before;
    // chosen by the e-mail address, so the same people on every machine.
    result.qualificationRecords = affected(db.exec(
        QStringLiteral(
            "INSERT INTO qualification_record (person_id, qualification_key, completed_on) SELECT "
            "p.id, ?, ?::date - 30 - ((('x' || substr(md5(p.email), 1, 7))::bit(28)::int) % 570) "
            "FROM person p WHERE (('x' || substr(md5(p.email), 8, 4))::bit(16)::int) % 200 <> 0 "
            "ORDER BY p.email COLLATE \"C\""),
        {QString::fromLatin1(builtin::qualifications::kAiLiteracyBasics.data(),
                             builtin::qualifications::kAiLiteracyBasics.size()),
         kReferenceDay}));
    result.qualificationRecords += affected(db.exec(
        QStringLiteral("INSERT INTO qualification_record (person_id, qualification_key, "
                       "completed_on) SELECT DISTINCT r.person_id, ?, ?::date - 90 FROM raci_entry "
                       "r WHERE r.responsibility_key = ? AND r.kind IN ('A', 'R')"),
        {QString::fromLatin1(builtin::qualifications::kHumanOversightOfHighRiskAi.data(),
                             builtin::qualifications::kHumanOversightOfHighRiskAi.size()),
         kReferenceDay,
         QString::fromLatin1(builtin::responsibilities::kHumanOversight.data(),
                             builtin::responsibilities::kHumanOversight.size())}));
    return result;
}

// The tables whose per-row history the bulk path replaces with one summary entry each.
constexpr std::array<const char*, 6> kGeneratedTables = {
    "org_unit", "person", "project", "assignment", "raci_entry", "qualification_record"};

void setHistoryTriggers(Database& db, bool enabled)
{
    for (const char* table : kGeneratedTables) {
        const QString name = QString::fromLatin1(table);
        try {
            db.exec(QStringLiteral("ALTER TABLE %1 %2 TRIGGER %1_history")
                        .arg(name, enabled ? QStringLiteral("ENABLE") : QStringLiteral("DISABLE")));
        } catch (const Error& e) {
            throw Error(e.kind(),
                        QStringLiteral("generating an organisation writes its history in bulk, "
                                       "which needs the owner of the Steward tables: %1")
                            .arg(e.message()));
        }
    }
}

} // namespace

std::optional<GeneratedSize> parseGeneratedSize(const QString& text)
{
    if (text == QLatin1String("small"))
        return GeneratedSize::Small;
    if (text == QLatin1String("medium"))
        return GeneratedSize::Medium;
    if (text == QLatin1String("large"))
        return GeneratedSize::Large;
    return std::nullopt;
}

QString toString(GeneratedSize size)
{
    switch (size) {
    case GeneratedSize::Small:
        return QStringLiteral("small");
    case GeneratedSize::Medium:
        return QStringLiteral("medium");
    case GeneratedSize::Large:
        return QStringLiteral("large");
    }
    return {};
}

GeneratedShape shapeOf(GeneratedSize size)
{
    switch (size) {
    case GeneratedSize::Small:
        return {10, 500, 25, 200};
    case GeneratedSize::Medium:
        return {100, 10'000, 500, 200};
    case GeneratedSize::Large:
        return {500, 100'000, 5'000, 200};
    }
    return {};
}

GenerateResult DemoGenerator::generate(Database& db, GeneratedSize size, std::uint64_t seed,
                                       const Progress& progress)
{
    Transaction tx(db);
    // The same lock as the hand-written demo's loader: neither mixes with the other.
    db.exec(QStringLiteral("SELECT pg_advisory_xact_lock(hashtext('steward.demo-load'))"));
    {
        QSqlQuery q = db.exec(QStringLiteral(
            "SELECT EXISTS (SELECT 1 FROM person) OR EXISTS (SELECT 1 FROM project)"));
        q.next();
        if (q.value(0).toBool())
            throw conflictError(QStringLiteral(
                "the database already holds data; an organisation is generated only into an "
                "empty database (create a new one, or point Steward at another with --database)"));
    }
    const Catalog catalog = readCatalog(db);
    if (progress)
        progress(QStringLiteral("generating"));
    const Organisation org = generateOrganisation(catalog, shapeOf(size), seed);
    stage(db, org, catalog, progress);

    setHistoryTriggers(db, false);
    const GenerateResult result = insertStaged(db, progress);
    setHistoryTriggers(db, true);

    const std::map<const char*, qint64> rows = {
        {"org_unit", result.orgUnits},      {"person", result.people},
        {"project", result.projects},       {"assignment", result.assignments},
        {"raci_entry", result.raciEntries}, {"qualification_record", result.qualificationRecords}};
    for (const char* table : kGeneratedTables) {
        const QJsonObject after{{QStringLiteral("generated"), toString(size)},
                                {QStringLiteral("seed"), QString::number(seed)},
                                {QStringLiteral("rows"), rows.at(table)}};
        db.exec(QStringLiteral("INSERT INTO history (actor, table_name, row_key, operation, "
                               "after, prev_hash, hash) VALUES (steward_actor(), ?, ?, 'INSERT', "
                               "?::jsonb, '\\x', '\\x')"),
                {QString::fromLatin1(table),
                 QStringLiteral("generated:%1:%2").arg(toString(size)).arg(seed),
                 QString::fromUtf8(QJsonDocument(after).toJson(QJsonDocument::Compact))});
    }
    if (progress)
        progress(QStringLiteral("analysing"));
    db.exec(QStringLiteral(
        "ANALYZE org_unit, person, project, assignment, raci_entry, qualification_record"));
    tx.commit();
    return result;
}

QString DemoGenerator::contentChecksum(Database& db)
{
    // Row texts in byte order (COLLATE "C"), so that neither ids nor the server's locale matter.
    QSqlQuery q = db.exec(QStringLiteral(
        "SELECT encode(sha256(convert_to(concat_ws(E'\\n',"
        " (SELECT sha256(convert_to(coalesce(string_agg(t, E'\\n' ORDER BY t COLLATE \"C\"), ''), "
        "'UTF8')) FROM (SELECT ROW(u.name, p.name)::text AS t FROM org_unit u "
        "LEFT JOIN org_unit p ON p.id = u.parent_id) x)::text,"
        " (SELECT sha256(convert_to(coalesce(string_agg(t, E'\\n' ORDER BY t COLLATE \"C\"), ''), "
        "'UTF8')) FROM (SELECT ROW(p.email, p.name, u.name, p.title, p.external_id, "
        "p.active)::text "
        "AS t FROM person p LEFT JOIN org_unit u ON u.id = p.org_unit_id) x)::text,"
        " (SELECT sha256(convert_to(coalesce(string_agg(t, E'\\n' ORDER BY t COLLATE \"C\"), ''), "
        "'UTF8')) FROM (SELECT ROW(p.key, p.name, p.description, p.industry, p.risk_tier, p.stage, "
        "p.status, p.ai_act_role, p.tags, o.email, to_char(p.start_date, 'YYYY-MM-DD'), "
        "to_char(p.end_date, 'YYYY-MM-DD'))::text AS t "
        "FROM project p LEFT JOIN person o ON o.id = p.owner_id) x)::text,"
        " (SELECT sha256(convert_to(coalesce(string_agg(t, E'\\n' ORDER BY t COLLATE \"C\"), ''), "
        "'UTF8')) FROM (SELECT ROW(pr.key, pe.email, a.role_key, to_char(a.from_date, "
        "'YYYY-MM-DD'), to_char(a.to_date, 'YYYY-MM-DD'), "
        "a.allocation_percent)::text AS t FROM assignment a JOIN project pr ON pr.id = "
        "a.project_id JOIN person pe ON pe.id = a.person_id) x)::text,"
        " (SELECT sha256(convert_to(coalesce(string_agg(t, E'\\n' ORDER BY t COLLATE \"C\"), ''), "
        "'UTF8')) FROM (SELECT ROW(pr.key, r.responsibility_key, pe.email, r.kind)::text AS t "
        "FROM raci_entry r JOIN project pr ON pr.id = r.project_id JOIN person pe ON pe.id = "
        "r.person_id) x)::text,"
        " (SELECT sha256(convert_to(coalesce(string_agg(t, E'\\n' ORDER BY t COLLATE \"C\"), ''), "
        "'UTF8')) FROM (SELECT ROW(pe.email, q.qualification_key, to_char(q.completed_on, "
        "'YYYY-MM-DD'), to_char(q.expires_on, 'YYYY-MM-DD'))::text AS t FROM "
        "qualification_record q JOIN person pe ON pe.id = q.person_id) x)::text), 'UTF8')), "
        "'hex')"));
    q.next();
    return q.value(0).toString();
}

} // namespace steward
