#pragma once

#include "dnsname.h"

#include "core/result.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <cstddef>
#include <cstdint>

namespace reg::dns {

// Transaction signatures (TSIG, RFC 8945) with HMAC-SHA256 (required) and HMAC-SHA512.

enum class TsigAlgorithm { HmacSha256, HmacSha512 };

// A shared secret. The secret never appears in a log or an error message.
struct TsigKey
{
    DnsName name;                     // lower-cased
    TsigAlgorithm algorithm = TsigAlgorithm::HmacSha256;
    QByteArray secret;
};

// The keys of the key file (lines "name algorithm base64-secret", '#' starts a comment). Immutable
// once loaded: share it between threads as a shared_ptr<const TsigKeyring>.
class TsigKeyring
{
public:
    static constexpr qint64 kMaxFileSize = 1 << 20;
    static constexpr int kMaxKeys = 1000;
    static constexpr int kMinSecretBytes = 16;      // RFC 8945 6: at least half the hash length
    static constexpr int kMaxSecretBytes = 512;

    TsigKeyring() = default;
    explicit TsigKeyring(QList<TsigKey> keys) : m_keys(std::move(keys)) {}

    // Refuses a file that others can read or write (group or world bits set), one that is not a
    // regular file, over kMaxFileSize, or with a malformed line (named by its number).
    static Result<TsigKeyring> loadFile(const QString &path);
    static Result<TsigKeyring> parse(const QByteArray &text, const QString &sourceName);
    // One line of the file for a key ("registry-xfr hmac-sha256 <base64>\n").
    static QByteArray formatLine(const QString &name, TsigAlgorithm algorithm, const QByteArray &secret);

    // Looks a key up by its lower-cased wire name; nullptr when unknown.
    const TsigKey *find(const std::uint8_t *lowered, std::size_t length) const;
    const TsigKey *find(const DnsName &name) const;
    const QList<TsigKey> &keys() const { return m_keys; }
    bool isEmpty() const { return m_keys.isEmpty(); }

private:
    QList<TsigKey> m_keys;
};

// The algorithm's name in wire form ("hmac-sha256.") and in the key file ("hmac-sha256").
QByteArray tsigAlgorithmWireName(TsigAlgorithm algorithm);
QString tsigAlgorithmText(TsigAlgorithm algorithm);
int tsigMacLength(TsigAlgorithm algorithm);

// A TSIG record as read from a message (RFC 8945 4.2). Names are lower-cased, uncompressed.
struct TsigRecord
{
    QByteArray keyName;
    QByteArray algorithmName;
    std::uint64_t timeSigned = 0;     // seconds since the epoch (48 bits)
    std::uint16_t fudge = 0;
    QByteArray mac;
    std::uint16_t originalId = 0;
    std::uint16_t error = 0;
    QByteArray otherData;
};

// Reads the TSIG record at offset (the last record of the message): false when it is malformed,
// runs past size, is not of type TSIG/class ANY, or does not end the message.
bool parseTsigRecord(const std::uint8_t *message, std::size_t size, std::size_t offset, TsigRecord &out);

// One signed conversation: a request and its answer(s), a zone transfer of many messages, or a
// NOTIFY and its answer. Holds the previous MAC so consecutive messages chain (RFC 8945 5.3.1).
// Not thread-safe: one per conversation, used by one thread at a time.
class TsigSession
{
public:
    static constexpr std::uint16_t kFudge = 300;    // RFC 8945 10: 300 seconds is recommended

    enum class Check {
        Ok,
        FormErr,     // the TSIG record is malformed: answer FORMERR, unsigned
        BadKey,      // NOTAUTH with TSIG error BADKEY, unsigned
        BadSig,      // NOTAUTH with TSIG error BADSIG, unsigned
        BadTime,     // NOTAUTH with TSIG error BADTIME, signed, our time in Other Data
        BadTrunc,    // NOTAUTH with TSIG error BADTRUNC, unsigned
    };

    // Server side: checks the signed request whose TSIG record starts at tsigOffset (key known,
    // MAC over the message without its TSIG record and with the original id, then the time within
    // the fudge). After it the session signs the answers, whatever the outcome.
    static TsigSession verifyRequest(const TsigKeyring &keyring, const std::uint8_t *message, std::size_t size,
                                     std::size_t tsigOffset, std::uint64_t nowSecs);
    // Client side: a session that signs requests with key and checks the answers.
    static TsigSession forClient(const TsigKey &key);

    Check check() const { return m_check; }
    std::uint16_t tsigError() const;     // the TSIG Error field value for check()
    const TsigKey *key() const { return m_keyKnown ? &m_key : nullptr; }

    // The bytes the TSIG record of an answer or request can take at most: reserve them in the
    // MessageWriter so the record always fits.
    std::size_t recordSpace() const;

    // Appends the TSIG record to the finished message buffer[0, size) and raises ARCOUNT. Server
    // side: the first answer is signed over the request's MAC, later ones over the previous MAC
    // with the timers only (5.3.1); BADKEY/BADSIG/BADTRUNC answers carry an empty MAC. Client
    // side: signs the request. Returns the new size, or 0 when capacity is too small.
    std::size_t sign(std::uint8_t *buffer, std::size_t size, std::size_t capacity, std::uint64_t nowSecs);

    // Client side: checks an answer (each message of a multi-message answer in order). The
    // answer's TSIG must be its last record, at tsigOffset; 0 means there is none (refused).
    Check verifyResponse(const std::uint8_t *message, std::size_t size, std::size_t tsigOffset, std::uint64_t nowSecs);
    // The TSIG Error field of the last answer checked by verifyResponse (the peer's verdict).
    std::uint16_t peerError() const { return m_peerError; }

private:
    enum class Role { Server, Client };
    QByteArray mac(const QByteArray *priorMac, const std::uint8_t *message, std::size_t size, std::uint16_t originalId,
                   bool timersOnly, std::uint64_t timeSigned, std::uint16_t fudge, std::uint16_t error,
                   const QByteArray &otherData) const;

    Role m_role = Role::Server;
    Check m_check = Check::Ok;
    bool m_keyKnown = false;
    TsigKey m_key;
    QByteArray m_keyName;          // lower-cased wire form, echoed even when the key is unknown
    QByteArray m_algorithmName;
    std::uint16_t m_originalId = 0;
    QByteArray m_previousMac;      // the request MAC, then the MAC of the last message
    int m_messages = 0;            // messages signed (server) or verified (client) so far
    std::uint64_t m_requestTime = 0;
    std::uint16_t m_peerError = 0;
};

} // namespace reg::dns
