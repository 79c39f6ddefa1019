#include "tsig.h"

#include <QFile>
#include <QMessageAuthenticationCode>

#include <openssl/crypto.h>

#include <sys/stat.h>

#include <cstring>

namespace reg::dns {

namespace {

constexpr std::size_t kTsigFixedRdata = 6 + 2 + 2 + 2 + 2 + 2;   // time, fudge, MAC size, id, error, other len
constexpr std::size_t kRecordHeader = 2 + 2 + 4 + 2;              // type, class, TTL, RDLENGTH
constexpr std::size_t kServerTimeOtherData = 6;                   // BADTIME carries our clock
constexpr int kMaxPointerHops = 64;

std::uint16_t read16(const std::uint8_t *p) { return std::uint16_t(p[0] << 8 | p[1]); }

void append16(QByteArray &out, std::uint16_t v)
{
    out.append(char(v >> 8));
    out.append(char(v & 0xff));
}

void append48(QByteArray &out, std::uint64_t v)
{
    for (int shift = 40; shift >= 0; shift -= 8)
        out.append(char((v >> shift) & 0xff));
}

QByteArray lowered(const QByteArray &wire)
{
    QByteArray out(wire.size(), Qt::Uninitialized);
    WireName::copyLowered(reinterpret_cast<std::uint8_t *>(out.data()), reinterpret_cast<const std::uint8_t *>(wire.constData()),
                          std::size_t(wire.size()));
    return out;
}

// Reads a possibly compressed name (only the owner of a TSIG record may be, and only by a sender
// that ignores the RFC's advice); pointers must go backwards, so there is no loop.
bool readName(const std::uint8_t *message, std::size_t size, std::size_t offset, QByteArray &name, std::size_t &end)
{
    name.clear();
    std::size_t pos = offset;
    bool jumped = false;
    for (int hops = 0; hops <= kMaxPointerHops;) {
        if (pos >= size)
            return false;
        const std::uint8_t length = message[pos];
        if ((length & 0xc0) == 0xc0) {
            if (pos + 1 >= size)
                return false;
            const std::size_t target = std::size_t(length & 0x3f) << 8 | message[pos + 1];
            if (!jumped)
                end = pos + 2;
            if (target >= pos)
                return false;
            jumped = true;
            pos = target;
            ++hops;
            continue;
        }
        if (length > kMaxLabelLength)
            return false;
        if (pos + 1 + length > size || std::size_t(name.size()) + 1 + length > kMaxNameWireLength)
            return false;
        name.append(reinterpret_cast<const char *>(message + pos), 1 + length);
        pos += 1 + length;
        if (length == 0) {
            if (!jumped)
                end = pos;
            return true;
        }
    }
    return false;
}

QCryptographicHash::Algorithm hashOf(TsigAlgorithm algorithm)
{
    return algorithm == TsigAlgorithm::HmacSha512 ? QCryptographicHash::Sha512 : QCryptographicHash::Sha256;
}

bool algorithmFromWire(const QByteArray &loweredWire, TsigAlgorithm &out)
{
    for (TsigAlgorithm a : {TsigAlgorithm::HmacSha256, TsigAlgorithm::HmacSha512}) {
        if (loweredWire == tsigAlgorithmWireName(a)) {
            out = a;
            return true;
        }
    }
    return false;
}

bool macEqual(const QByteArray &a, const QByteArray &b, qsizetype length)
{
    return a.size() >= length && b.size() >= length && CRYPTO_memcmp(a.constData(), b.constData(), std::size_t(length)) == 0;
}

} // namespace

QByteArray tsigAlgorithmWireName(TsigAlgorithm algorithm)
{
    return algorithm == TsigAlgorithm::HmacSha512 ? QByteArrayLiteral("\x0bhmac-sha512\x00")
                                                  : QByteArrayLiteral("\x0bhmac-sha256\x00");
}

QString tsigAlgorithmText(TsigAlgorithm algorithm)
{
    return algorithm == TsigAlgorithm::HmacSha512 ? QStringLiteral("hmac-sha512") : QStringLiteral("hmac-sha256");
}

int tsigMacLength(TsigAlgorithm algorithm)
{
    return algorithm == TsigAlgorithm::HmacSha512 ? 64 : 32;
}

// --- the key file ---------------------------------------------------------------------------

Result<TsigKeyring> TsigKeyring::loadFile(const QString &path)
{
    struct stat st;
    const QByteArray native = QFile::encodeName(path);
    if (::stat(native.constData(), &st) != 0)
        return Error(ErrorCode::NotFound, QStringLiteral("the TSIG key file %1 does not exist or cannot be read").arg(path));
    if (!S_ISREG(st.st_mode))
        return Error(ErrorCode::InvalidInput, QStringLiteral("the TSIG key file %1 is not a regular file").arg(path));
    if ((st.st_mode & 077) != 0)
        return Error(ErrorCode::InvalidInput,
                     QStringLiteral("the TSIG key file %1 is accessible to group or others (mode %2); it must be 0600")
                         .arg(path, QString::number(st.st_mode & 0777, 8)));
    if (st.st_size > kMaxFileSize)
        return Error(ErrorCode::TooLarge, QStringLiteral("the TSIG key file %1 is larger than %2 bytes").arg(path).arg(kMaxFileSize));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error(ErrorCode::NotFound, QStringLiteral("cannot open the TSIG key file %1: %2").arg(path, file.errorString()));
    const QByteArray text = file.read(kMaxFileSize + 1);
    if (text.size() > kMaxFileSize)
        return Error(ErrorCode::TooLarge, QStringLiteral("the TSIG key file %1 is larger than %2 bytes").arg(path).arg(kMaxFileSize));
    return parse(text, path);
}

Result<TsigKeyring> TsigKeyring::parse(const QByteArray &text, const QString &sourceName)
{
    QList<TsigKey> keys;
    const QList<QByteArray> lines = text.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QByteArray line = lines.at(i);
        if (const qsizetype hash = line.indexOf('#'); hash >= 0)
            line.truncate(hash);
        line = line.simplified();
        if (line.isEmpty())
            continue;
        const auto fail = [&](const QString &why) {
            return Error(ErrorCode::InvalidInput, QStringLiteral("%1 line %2: %3").arg(sourceName).arg(i + 1).arg(why));
        };
        const QList<QByteArray> fields = line.split(' ');
        if (fields.size() != 3)
            return fail(QStringLiteral("expected \"name algorithm base64-secret\""));
        Result<DnsName> name = DnsName::fromText(QString::fromLatin1(fields.at(0)));
        if (!name || name->isRoot())
            return fail(QStringLiteral("the key name is not a valid domain name"));
        QByteArray algorithmText = fields.at(1).toLower();
        if (algorithmText.endsWith('.'))
            algorithmText.chop(1);
        TsigKey key;
        key.name = name->lowered();
        if (algorithmText == "hmac-sha256")
            key.algorithm = TsigAlgorithm::HmacSha256;
        else if (algorithmText == "hmac-sha512")
            key.algorithm = TsigAlgorithm::HmacSha512;
        else
            return fail(QStringLiteral("unsupported algorithm (hmac-sha256 or hmac-sha512)"));
        const QByteArray::FromBase64Result secret =
            QByteArray::fromBase64Encoding(fields.at(2), QByteArray::Base64Encoding | QByteArray::AbortOnBase64DecodingErrors);
        if (!secret)
            return fail(QStringLiteral("the secret is not valid base64"));
        if (secret.decoded.size() < kMinSecretBytes || secret.decoded.size() > kMaxSecretBytes)
            return fail(QStringLiteral("the secret must be %1 to %2 bytes").arg(kMinSecretBytes).arg(kMaxSecretBytes));
        key.secret = secret.decoded;
        for (const TsigKey &other : keys) {
            if (other.name == key.name)
                return fail(QStringLiteral("the key %1 is defined twice").arg(key.name.toText()));
        }
        if (keys.size() >= kMaxKeys)
            return fail(QStringLiteral("more than %1 keys").arg(kMaxKeys));
        keys.append(std::move(key));
    }
    return TsigKeyring(std::move(keys));
}

QByteArray TsigKeyring::formatLine(const QString &name, TsigAlgorithm algorithm, const QByteArray &secret)
{
    return name.toLatin1() + ' ' + tsigAlgorithmText(algorithm).toLatin1() + ' ' + secret.toBase64() + '\n';
}

const TsigKey *TsigKeyring::find(const std::uint8_t *lowered, std::size_t length) const
{
    for (const TsigKey &key : m_keys) {
        if (key.name.size() == length && std::memcmp(key.name.data(), lowered, length) == 0)
            return &key;
    }
    return nullptr;
}

const TsigKey *TsigKeyring::find(const DnsName &name) const
{
    const DnsName low = name.lowered();
    return find(low.data(), low.size());
}

// --- the record ---------------------------------------------------------------------------

bool parseTsigRecord(const std::uint8_t *message, std::size_t size, std::size_t offset, TsigRecord &out)
{
    std::size_t pos = 0;
    QByteArray owner;
    if (offset < kHeaderSize || !readName(message, size, offset, owner, pos))
        return false;
    if (pos + kRecordHeader > size)
        return false;
    const std::uint16_t type = read16(message + pos);
    const std::uint16_t klass = read16(message + pos + 2);
    const std::uint16_t rdLength = read16(message + pos + 8);
    pos += kRecordHeader;
    if (type != RRType::TSIG || klass != RRClass::ANY || pos + rdLength != size)
        return false;
    const std::size_t rdEnd = pos + rdLength;
    const std::size_t algorithmLength = WireName::validLength(message + pos, rdEnd - pos);
    if (algorithmLength == 0)
        return false;
    out.keyName = lowered(owner);
    out.algorithmName = lowered(QByteArray(reinterpret_cast<const char *>(message + pos), qsizetype(algorithmLength)));
    pos += algorithmLength;
    if (pos + 10 > rdEnd)
        return false;
    out.timeSigned = 0;
    for (int i = 0; i < 6; ++i)
        out.timeSigned = out.timeSigned << 8 | message[pos + i];
    out.fudge = read16(message + pos + 6);
    const std::uint16_t macSize = read16(message + pos + 8);
    pos += 10;
    if (pos + macSize + 6 > rdEnd)
        return false;
    out.mac = QByteArray(reinterpret_cast<const char *>(message + pos), macSize);
    pos += macSize;
    out.originalId = read16(message + pos);
    out.error = read16(message + pos + 2);
    const std::uint16_t otherLength = read16(message + pos + 4);
    pos += 6;
    if (pos + otherLength != rdEnd)
        return false;
    out.otherData = QByteArray(reinterpret_cast<const char *>(message + pos), otherLength);
    return true;
}

// --- the session ----------------------------------------------------------------------------

QByteArray TsigSession::mac(const QByteArray *priorMac, const std::uint8_t *message, std::size_t size,
                            std::uint16_t originalId, bool timersOnly, std::uint64_t timeSigned, std::uint16_t fudge,
                            std::uint16_t error, const QByteArray &otherData) const
{
    QMessageAuthenticationCode code(hashOf(m_key.algorithm), m_key.secret);
    if (priorMac) {
        // Every answer covers the MAC of the message before it: the request's, then its own previous one.
        QByteArray prior;
        append16(prior, std::uint16_t(priorMac->size()));
        prior.append(*priorMac);
        code.addData(prior);
    }
    // The message as it was before the TSIG record: the original id, ARCOUNT without the TSIG.
    std::uint8_t header[kHeaderSize];
    std::memcpy(header, message, kHeaderSize);
    header[0] = std::uint8_t(originalId >> 8);
    header[1] = std::uint8_t(originalId & 0xff);
    code.addData(reinterpret_cast<const char *>(header), kHeaderSize);
    code.addData(reinterpret_cast<const char *>(message + kHeaderSize), qsizetype(size - kHeaderSize));

    QByteArray variables;
    if (!timersOnly) {
        variables.append(m_keyName);
        append16(variables, RRClass::ANY);
        variables.append(4, '\0');   // TTL
        variables.append(m_algorithmName);
    }
    append48(variables, timeSigned);
    append16(variables, fudge);
    if (!timersOnly) {
        append16(variables, error);
        append16(variables, std::uint16_t(otherData.size()));
        variables.append(otherData);
    }
    code.addData(variables);
    return code.result();
}

TsigSession TsigSession::verifyRequest(const TsigKeyring &keyring, const std::uint8_t *message, std::size_t size,
                                       std::size_t tsigOffset, std::uint64_t nowSecs)
{
    TsigSession s;
    s.m_role = Role::Server;
    TsigRecord record;
    if (size < kHeaderSize || read16(message + 10) == 0 || !parseTsigRecord(message, size, tsigOffset, record)) {
        s.m_check = Check::FormErr;
        return s;
    }
    s.m_keyName = record.keyName;
    s.m_algorithmName = record.algorithmName;
    s.m_originalId = record.originalId;
    s.m_requestTime = record.timeSigned;

    TsigAlgorithm algorithm;
    const TsigKey *key = keyring.find(reinterpret_cast<const std::uint8_t *>(record.keyName.constData()), std::size_t(record.keyName.size()));
    if (!key || !algorithmFromWire(record.algorithmName, algorithm) || algorithm != key->algorithm) {
        s.m_check = Check::BadKey;
        return s;
    }
    s.m_key = *key;
    s.m_keyKnown = true;

    const int fullLength = tsigMacLength(algorithm);
    if (record.mac.size() > fullLength) {
        s.m_check = Check::FormErr;
        return s;
    }
    // The message the sender signed: ARCOUNT without the TSIG record (5.2: our copy, not the packet).
    QByteArray unsigned_(reinterpret_cast<const char *>(message), qsizetype(tsigOffset));
    const std::uint16_t arcount = read16(message + 10) - 1;
    unsigned_[10] = char(arcount >> 8);
    unsigned_[11] = char(arcount & 0xff);
    const QByteArray expected = s.mac(nullptr, reinterpret_cast<const std::uint8_t *>(unsigned_.constData()), std::size_t(unsigned_.size()),
                                      record.originalId, false, record.timeSigned, record.fudge, record.error, record.otherData);
    const int minimumLength = std::max(10, fullLength / 2);
    if (record.mac.size() < minimumLength || !macEqual(record.mac, expected, record.mac.size())) {
        s.m_check = Check::BadSig;
        return s;
    }
    s.m_previousMac = record.mac;
    const std::uint64_t difference = nowSecs > record.timeSigned ? nowSecs - record.timeSigned : record.timeSigned - nowSecs;
    if (difference > record.fudge) {
        s.m_check = Check::BadTime;
        return s;
    }
    if (record.mac.size() < fullLength) {
        s.m_check = Check::BadTrunc;   // we sign and expect full-length MACs only
        return s;
    }
    s.m_check = Check::Ok;
    return s;
}

TsigSession TsigSession::forClient(const TsigKey &key)
{
    TsigSession s;
    s.m_role = Role::Client;
    s.m_key = key;
    s.m_keyKnown = true;
    s.m_keyName = key.name.lowered().wire();
    s.m_algorithmName = tsigAlgorithmWireName(key.algorithm);
    return s;
}

std::uint16_t TsigSession::tsigError() const
{
    switch (m_check) {
    case Check::Ok:
    case Check::FormErr:
        return 0;
    case Check::BadKey:
        return Rcode::BadKey;
    case Check::BadSig:
        return Rcode::BadSig;
    case Check::BadTime:
        return Rcode::BadTime;
    case Check::BadTrunc:
        return Rcode::BadTrunc;
    }
    return 0;
}

std::size_t TsigSession::recordSpace() const
{
    return std::size_t(m_keyName.size()) + kRecordHeader + std::size_t(m_algorithmName.size()) + kTsigFixedRdata
           + std::size_t(tsigMacLength(TsigAlgorithm::HmacSha512)) + kServerTimeOtherData;
}

std::size_t TsigSession::sign(std::uint8_t *buffer, std::size_t size, std::size_t capacity, std::uint64_t nowSecs)
{
    if (size < kHeaderSize || m_keyName.isEmpty())
        return 0;
    const std::uint16_t id = read16(buffer);
    bool signs = m_keyKnown && (m_check == Check::Ok || m_check == Check::BadTime || m_check == Check::BadTrunc);
    std::uint64_t timeSigned = nowSecs;
    QByteArray otherData;
    std::uint16_t error = m_role == Role::Server ? tsigError() : 0;
    if (m_role == Role::Server && m_check == Check::BadTime) {
        // 5.2.3: the request's time goes back so the client can check our MAC; ours is in Other Data.
        timeSigned = m_requestTime;
        append48(otherData, nowSecs);
    }
    if (m_role == Role::Client) {
        m_originalId = id;
        signs = true;
    }
    QByteArray digest;
    if (signs) {
        const bool timersOnly = m_role == Role::Server && m_messages > 0;
        digest = mac(m_role == Role::Server ? &m_previousMac : nullptr, buffer, size, m_originalId, timersOnly, timeSigned, kFudge, error, otherData);
    }

    QByteArray record = m_keyName;
    append16(record, RRType::TSIG);
    append16(record, RRClass::ANY);
    record.append(4, '\0');
    QByteArray rdata = m_algorithmName;
    append48(rdata, timeSigned);
    append16(rdata, kFudge);
    append16(rdata, std::uint16_t(digest.size()));
    rdata.append(digest);
    append16(rdata, m_originalId);
    append16(rdata, error);
    append16(rdata, std::uint16_t(otherData.size()));
    rdata.append(otherData);
    append16(record, std::uint16_t(rdata.size()));
    record.append(rdata);
    if (size + std::size_t(record.size()) > capacity)
        return 0;
    std::memcpy(buffer + size, record.constData(), std::size_t(record.size()));
    const std::uint16_t arcount = read16(buffer + 10) + 1;
    buffer[10] = std::uint8_t(arcount >> 8);
    buffer[11] = std::uint8_t(arcount & 0xff);
    if (signs)
        m_previousMac = digest;
    if (m_role == Role::Server)
        ++m_messages;
    return size + std::size_t(record.size());
}

TsigSession::Check TsigSession::verifyResponse(const std::uint8_t *message, std::size_t size, std::size_t tsigOffset,
                                               std::uint64_t nowSecs)
{
    m_peerError = 0;
    if (tsigOffset == 0)
        return Check::BadSig;   // an unsigned answer to a signed request proves nothing
    TsigRecord record;
    if (size < kHeaderSize || read16(message + 10) == 0 || !parseTsigRecord(message, size, tsigOffset, record))
        return Check::FormErr;
    m_peerError = record.error;
    if (record.keyName != m_keyName || record.algorithmName != m_algorithmName)
        return Check::BadKey;
    if (record.mac.size() != tsigMacLength(m_key.algorithm))
        return Check::BadSig;   // includes the unsigned BADKEY/BADSIG answers: peerError() tells which
    QByteArray unsigned_(reinterpret_cast<const char *>(message), qsizetype(tsigOffset));
    const std::uint16_t arcount = read16(message + 10) - 1;
    unsigned_[10] = char(arcount >> 8);
    unsigned_[11] = char(arcount & 0xff);
    const bool timersOnly = m_messages > 0;
    const QByteArray expected = mac(&m_previousMac, reinterpret_cast<const std::uint8_t *>(unsigned_.constData()),
                                    std::size_t(unsigned_.size()), record.originalId, timersOnly, record.timeSigned, record.fudge,
                                    record.error, record.otherData);
    if (!macEqual(record.mac, expected, expected.size()))
        return Check::BadSig;
    m_previousMac = record.mac;
    ++m_messages;
    const std::uint64_t difference = nowSecs > record.timeSigned ? nowSecs - record.timeSigned : record.timeSigned - nowSecs;
    if (difference > record.fudge)
        return Check::BadTime;
    return Check::Ok;
}

} // namespace reg::dns
