// Qualifications: the catalogue of trainings and certifications, each person's records of them,
// and what roles, responsibilities and projects require. What the database refuses (a viewer
// recording, a manager editing the catalogue) comes back as Error(Conflict) saying so.
#pragma once

#include <steward/export.h>

#include <QDate>
#include <QString>

#include <optional>
#include <vector>

namespace steward {

class Database;

struct Qualification {
    QString key;
    QString name;
    QString provider;
    QString description;
    std::optional<int> validityMonths; // nullopt: does not lapse
    QString pack;                      // the declaring pack, empty when an administrator added it
    bool retired = false;
    int holders = 0; // people with a record valid today
    int version = 0;
};

struct QualificationRecord {
    qint64 id = 0;
    QString personEmail;
    QString personName;
    QString qualificationKey;
    QString qualificationName;
    QDate completedOn;
    std::optional<QDate> expiresOn; // the first day it no longer counts; nullopt: for good
    QString evidenceKind;           // "url", "file" or empty
    QString evidenceLocation;
    QString evidenceSha256;
    QString externalId;
    QString note;
    QString recordedBy; // e-mail of who recorded it, empty when unknown
    int version = 0;

    bool validOn(QDate day) const { return completedOn <= day && (!expiresOn || day < *expiresOn); }
};

struct RecordInput {
    QString personEmail;
    QString qualificationKey;
    QDate completedOn;
    std::optional<QDate> expiresOn; // nullopt: from the qualification's validity
    QString evidenceUrl;            // at most one of a URL ...
    QString evidenceFile;           // ... and a file, hashed when recorded
    QString externalId;
    QString note;
};

struct STEWARD_CORE_API QualificationRequirement {
    qint64 id = 0;
    QString qualificationKey;
    QString qualificationName;
    QString roleKey;           // empty when not for one role
    QString responsibilityKey; // empty when not for one responsibility
    QString projectKey;        // empty for the catalogue's
    QString pack;              // declared by this pack; empty when people added it
    int version = 0;

    // "everyone", "role ai-engineer", "responsibility x.y", "project P (role r)".
    QString scope() const;
};

struct RecordFilter {
    QString personEmail;
    QString qualificationKey;
};

class STEWARD_CORE_API QualificationService {
public:
    explicit QualificationService(Database& db, QDate today = QDate::currentDate());

    std::vector<Qualification> catalogue();
    Qualification get(const QString& key);
    // Administrators: a qualification of the organisation's own (packs bring theirs).
    Qualification add(const Qualification& q);
    Qualification update(const Qualification& q, std::optional<int> expectVersion);

    std::vector<QualificationRecord> records(const RecordFilter& filter = {});
    QualificationRecord record(const RecordInput& input);
    void removeRecord(qint64 id, std::optional<int> expectVersion);

    // The catalogue's requirements and every project's (projectKey empty), or those that apply
    // on one project: the catalogue's and its own.
    std::vector<QualificationRequirement> requirements(const QString& projectKey = {});
    // Exactly one of roleKey and responsibilityKey, or a project (with or without a role).
    QualificationRequirement require(const QString& qualificationKey, const QString& roleKey,
                                     const QString& responsibilityKey, const QString& projectKey);
    void removeRequirement(qint64 id);

private:
    Database& m_db;
    QDate m_today;
};

} // namespace steward
