// The built-in qualifications. Their validity follows common practice for refresher training:
// AI literacy every two years, human oversight of high-risk systems yearly (the systems and the
// guidance change quickly), risk management every three years.
#include "catalog/builtin_catalogue.h"

#include <steward/builtin_keys.h>

namespace steward {

std::vector<QualificationSpec> builtinQualifications()
{
    using namespace builtin::qualifications;
    return {
        {std::string(kAiLiteracyBasics), "AI literacy basics", "",
         "What AI systems can and cannot do, their risks and the organisation's rules for using "
         "them: the literacy everyone who deals with AI systems needs (EU AI Act Art. 4).",
         24},
        {std::string(kHumanOversightOfHighRiskAi), "Human oversight of high-risk AI", "",
         "How to monitor a high-risk AI system in use, interpret its output, recognise automation "
         "bias and override or stop the system (EU AI Act Art. 14 and 26(2)).",
         12},
        {std::string(kAiRiskManagement), "AI risk management", "",
         "Identifying, measuring and treating the risks of AI systems across their life cycle "
         "(NIST AI RMF, ISO/IEC 23894).",
         36},
    };
}

std::vector<QualificationRequirementSpec> builtinQualificationRequirements()
{
    using namespace builtin;
    return {
        {std::string(qualifications::kAiLiteracyBasics), "", ""},
        {std::string(qualifications::kHumanOversightOfHighRiskAi), "",
         std::string(responsibilities::kHumanOversight)},
    };
}

} // namespace steward
