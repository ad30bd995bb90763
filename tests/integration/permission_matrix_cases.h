// The cells of the permission matrix: for every table of the schema, the statements each login
// tries on its own row and on someone else's, and what PostgreSQL must answer.
#pragma once

#include <array>
#include <map>
#include <string>
#include <vector>

namespace steward::matrix {

// The logins of the matrix, in its column order.
inline constexpr std::array kGroups = {"viewer", "auditor", "manager", "admin", "none"};

// One table's statements. `%1` in each is replaced by the target: the row that is the login's own
// (own) or someone else's (other), as an SQL expression the world below defines.
struct TableCase {
    const char* table;
    const char* own;   // WHERE condition selecting the login's own row
    const char* other; // WHERE condition selecting someone else's row
    const char* insertOwn;
    const char* insertOther;
    const char* set; // an UPDATE's SET clause
    // Expected outcomes per operation: for each login in kGroups order, own then other.
    std::map<std::string, std::string> expected;
};

// The world (built by SetUp as the database's owner):
//   mia, a manager, owns project OWN and audit project AUD-OWN; otto owns OTHER and AUD-OTHER.
//   aud, an auditor, leads audit A1 (on AUD-OWN) and answers its item; lena leads A2.
//   Finding F1 (in A1) is mia's; F2 (in A2) is otto's. vic is a viewer, ada an administrator.
//   Rows that only an administrator may delete are spares nothing refers to.
// Every table of the schema has its case; the test fails when one is missing.
const std::vector<TableCase>& tableCases();

} // namespace steward::matrix
