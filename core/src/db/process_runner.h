// Runs the PostgreSQL server programs (initdb, pg_ctl) to completion, optionally as another
// system account. PostgreSQL refuses to run as root, so when Steward runs as root the server
// programs run as a dedicated unprivileged account instead.
#pragma once

#include <QString>
#include <QStringList>

#include <optional>
#include <sys/types.h>
#include <vector>

namespace steward {

// An unprivileged system account, resolved in the parent so the forked child only makes
// async-signal-safe calls (setgroups, setgid, setuid) before exec.
struct SystemAccount {
    QString name;
    uid_t uid = 0;
    gid_t gid = 0;
    std::vector<gid_t> groups;

    // Looks the account up in the user database; nullopt if it does not exist.
    static std::optional<SystemAccount> find(const QString& name);
};

struct ProcessResult {
    int exitCode = 0;
    QString output; // stdout and stderr, interleaved
};

struct ProcessSpec {
    QString program;
    QStringList arguments;
    QString workingDirectory;
    std::optional<SystemAccount> runAs;
    int timeoutMs = 60'000;
};

// Runs the program and returns its exit code and output. Throws steward::Error (Unavailable)
// when it cannot be started, crashes, or runs past its timeout (it is killed then); a non-zero
// exit code is for the caller to judge.
ProcessResult runProcess(const ProcessSpec& spec);

} // namespace steward
