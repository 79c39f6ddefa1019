#pragma once

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUrl>

// Validates EPP documents against the official XSDs with xmllint (libxml2-utils), the independent
// peer the tests check our XML against. epp-1.0.xsd leaves command and response content to
// <any namespace="##other"/>, so a wrapper schema imports every object and extension schema.
// The schemas come from EPP_XSD_DIR, else from ../shared/epp-xsd beside the source tree.
class EppSchemaValidator
{
public:
    // Empty when ready; otherwise why validation is not possible here (the test skips with it).
    QString prepare()
    {
        m_xmllint = QStandardPaths::findExecutable(QStringLiteral("xmllint"));
        if (m_xmllint.isEmpty())
            return QStringLiteral("xmllint (libxml2-utils) is not installed");
        QString dir = qEnvironmentVariable("EPP_XSD_DIR");
        if (dir.isEmpty())
            dir = qEnvironmentVariable("REGISTRY_SOURCE_DIR") + QStringLiteral("/../shared/epp-xsd");
        const QDir schemas(dir);
        QStringList files;
        for (const QString &name : schemas.entryList({QStringLiteral("*.xsd")}, QDir::Files, QDir::Name))
            files.append(schemas.absoluteFilePath(name));
        if (!schemas.exists(QStringLiteral("epp-1.0.xsd")))
            return QStringLiteral("the official EPP schemas are not available (set EPP_XSD_DIR)");
        // Our own extensions (custom fields) are documented by schemas kept in the repository.
        const QDir ours(qEnvironmentVariable("REGISTRY_SOURCE_DIR") + QStringLiteral("/resources/epp-xsd"));
        for (const QString &name : ours.entryList({QStringLiteral("*.xsd")}, QDir::Files, QDir::Name))
            files.append(ours.absoluteFilePath(name));
        if (!m_dir.isValid())
            return QStringLiteral("cannot create a temporary directory");

        QByteArray wrapper = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                             "<schema xmlns=\"http://www.w3.org/2001/XMLSchema\" targetNamespace=\"urn:x-registry:test:all\">\n";
        for (const QString &path : std::as_const(files)) {
            QFile xsd(path);
            if (!xsd.open(QIODevice::ReadOnly))
                return QStringLiteral("cannot read ") + xsd.fileName();
            const QByteArray content = xsd.readAll();
            const QByteArray marker = "targetNamespace=\"";
            const qsizetype at = content.indexOf(marker);
            if (at < 0)
                return xsd.fileName() + QStringLiteral(" has no targetNamespace");
            const qsizetype start = at + marker.size();
            wrapper += "  <import namespace=\"" + content.mid(start, content.indexOf('"', start) - start)
                       + "\" schemaLocation=\"" + QUrl::fromLocalFile(path).toEncoded() + "\"/>\n";
        }
        wrapper += "</schema>\n";
        m_schema = m_dir.filePath(QStringLiteral("all.xsd"));
        QFile file(m_schema);
        if (!file.open(QIODevice::WriteOnly) || file.write(wrapper) != wrapper.size())
            return QStringLiteral("cannot write ") + m_schema;
        return {};
    }

    // Empty when xml is valid; otherwise xmllint's complaint.
    QString validate(const QByteArray &xml)
    {
        const QString path = m_dir.filePath(QStringLiteral("document-%1.xml").arg(++m_count));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(xml) != xml.size())
            return QStringLiteral("cannot write ") + path;
        file.close();
        return validateFile(path);
    }

    QString validateFile(const QString &path)
    {
        QProcess lint;
        lint.start(m_xmllint, {QStringLiteral("--noout"), QStringLiteral("--nonet"), QStringLiteral("--schema"), m_schema, path});
        if (!lint.waitForFinished(60000))
            return QStringLiteral("xmllint did not finish");
        if (lint.exitStatus() != QProcess::NormalExit || lint.exitCode() != 0)
            return QString::fromLocal8Bit(lint.readAllStandardError());
        return {};
    }

private:
    QString m_xmllint;
    QTemporaryDir m_dir;
    QString m_schema;
    int m_count = 0;
};
