// Runs the `steward` program as a user would, for tests of the command line: its exit code and
// what it printed.
#pragma once

#include <QJsonDocument>
#include <QMap>
#include <QString>
#include <QStringList>

namespace steward {

struct CliRun {
    int exitCode = -1; // -1: it crashed or did not finish
    QString out;
    QString err;

    // Standard output parsed as JSON; a parse error fails the current test.
    QJsonDocument json() const;
};

// Runs `program` with `args`, STEWARD_DATABASE removed from the environment (so only what the
// arguments say counts) and `extraEnv` added. Waits up to two minutes.
CliRun runSteward(const QString& program, const QStringList& args,
                  const QMap<QString, QString>& extraEnv = {});

} // namespace steward
