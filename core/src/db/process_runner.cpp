#include "db/process_runner.h"

#include "error.h"

#include <QProcess>
#include <QProcessEnvironment>

#include <cerrno>
#include <grp.h>
#include <pwd.h>
#include <unistd.h>

namespace steward {

std::optional<SystemAccount> SystemAccount::find(const QString& name)
{
    const QByteArray user = name.toLocal8Bit();
    long size = sysconf(_SC_GETPW_R_SIZE_MAX);
    std::vector<char> buffer(size > 0 ? static_cast<std::size_t>(size) : 16384);
    passwd entry{};
    passwd* found = nullptr;
    int rc = 0;
    while ((rc = getpwnam_r(user.constData(), &entry, buffer.data(), buffer.size(), &found)) ==
           ERANGE)
        buffer.resize(buffer.size() * 2);
    if (rc != 0 || found == nullptr)
        return std::nullopt;

    SystemAccount account;
    account.name = name;
    account.uid = entry.pw_uid;
    account.gid = entry.pw_gid;
    int count = 16;
    account.groups.resize(static_cast<std::size_t>(count));
    while (getgrouplist(user.constData(), entry.pw_gid, account.groups.data(), &count) < 0)
        account.groups.resize(static_cast<std::size_t>(count) + 16);
    account.groups.resize(static_cast<std::size_t>(count));
    return account;
}

ProcessResult runProcess(const ProcessSpec& spec)
{
    QProcess process;
    process.setProgram(spec.program);
    process.setArguments(spec.arguments);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.setStandardInputFile(QProcess::nullDevice());
    if (!spec.workingDirectory.isEmpty())
        process.setWorkingDirectory(spec.workingDirectory);

    // The server programs read PG* variables (PGDATA, PGPORT, PGHOST ...) as defaults; every
    // setting we need is passed explicitly, so a user's client settings must not leak in.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString& key : env.keys()) {
        if (key.startsWith(QLatin1String("PG")))
            env.remove(key);
    }
    if (spec.runAs) {
        env.insert(QStringLiteral("HOME"), QStringLiteral("/nonexistent"));
        env.insert(QStringLiteral("USER"), spec.runAs->name);
        env.insert(QStringLiteral("LOGNAME"), spec.runAs->name);
    }
    process.setProcessEnvironment(env);

    if (spec.runAs) {
        // Runs in the forked child before exec: only async-signal-safe calls. If any step fails
        // the program must not run with root's privileges, so the child exits at once.
        const SystemAccount account = *spec.runAs;
        process.setChildProcessModifier([account] {
            if (setgroups(account.groups.size(), account.groups.data()) != 0 ||
                setgid(account.gid) != 0 || setuid(account.uid) != 0 || setuid(0) == 0)
                _exit(126);
        });
    }

    process.start();
    if (!process.waitForStarted(spec.timeoutMs)) {
        throw Error(
            ErrorKind::Unavailable,
            QStringLiteral("Could not run %1: %2").arg(spec.program, process.errorString()));
    }
    if (!process.waitForFinished(spec.timeoutMs)) {
        process.kill();
        process.waitForFinished(5'000);
        throw Error(ErrorKind::Unavailable,
                    QStringLiteral("%1 did not finish within %2 seconds and was stopped.")
                        .arg(spec.program)
                        .arg(spec.timeoutMs / 1000),
                    QString::fromLocal8Bit(process.readAll()).split(QLatin1Char('\n')));
    }
    ProcessResult result;
    result.output = QString::fromLocal8Bit(process.readAll());
    if (process.exitStatus() == QProcess::CrashExit) {
        throw Error(ErrorKind::Unavailable, QStringLiteral("%1 crashed.").arg(spec.program),
                    result.output.split(QLatin1Char('\n')));
    }
    result.exitCode = process.exitCode();
    if (spec.runAs && result.exitCode == 126 && result.output.isEmpty()) {
        throw Error(ErrorKind::Unavailable,
                    QStringLiteral("Could not switch to the %1 account to run %2.")
                        .arg(spec.runAs->name, spec.program));
    }
    return result;
}

} // namespace steward
