// How the synthetic organisation is decided: word lists for plausible names, and the steps that
// draw units, people, projects, their teams and their RACI matrices from one seeded generator.
#include "demo/demo_generator_organisation.h"

#include "demo/demo_generator_random.h"

#include <QHash>

#include <algorithm>
#include <array>
#include <set>
#include <span>
#include <tuple>

namespace steward::demo_generator {
namespace {

const QString kDomain = QStringLiteral("@corp.steward.example");
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

} // namespace

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
} // namespace steward::demo_generator
