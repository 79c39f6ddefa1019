#pragma once

#include "eppresult.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

#include <optional>

namespace reg::xrp {

// Splits the byte stream of one XRP connection into EPP data units (RFC 5734 section 4: a 32-bit
// big-endian total length that counts its own 4 bytes, then the XML). The length comes from the
// peer, so it is checked against the configured maximum before anything is buffered; a frame
// never costs more than that maximum in memory. After an impossible length the stream cannot be
// resynchronised, so the reader stays in error and the session must close.
// Lives on the thread of the session that owns it; not shared.
class EppFrameReader
{
public:
    static constexpr qsizetype HeaderSize = 4;
    static constexpr qsizetype DefaultMaxFrameSize = 64 * 1024;
    // The smallest frame that carries anything: the header and one byte of XML.
    static constexpr qsizetype MinFrameSize = HeaderSize + 1;

    struct FeedResult
    {
        QList<QByteArray> frames;      // complete payloads (XML without the header), in order
        std::optional<EppError> error; // set when this feed hit an impossible length or the reader was already in error
    };

    // maxFrameSize counts the header, as the length field does; values below MinFrameSize are raised to it.
    explicit EppFrameReader(qsizetype maxFrameSize = DefaultMaxFrameSize);

    // Consumes all of data. Frames completed before an error are still returned: they were framed
    // correctly and the session may answer them before it closes.
    [[nodiscard]] FeedResult feed(QByteArrayView data);

    qsizetype maxFrameSize() const { return m_maxFrameSize; }
    bool hasError() const { return m_error.has_value(); }
    const std::optional<EppError> &error() const { return m_error; }

    // Bytes of an unfinished frame (header bytes included). Non-zero when the peer closes means a
    // truncated frame.
    qsizetype pendingBytes() const;
    // What to report when the stream ends now: nothing if it ended between frames.
    std::optional<EppError> endOfStream() const;

private:
    std::optional<EppError> acceptLength(quint32 totalLength);

    qsizetype m_maxFrameSize;
    char m_header[HeaderSize] = {};
    qsizetype m_headerFill = 0;
    qsizetype m_payloadLength = -1; // -1 while the header is incomplete
    QByteArray m_payload;
    std::optional<EppError> m_error;
};

// Frames payload for sending. Refuses an empty payload (the peer would see an impossible length)
// and one whose total length does not fit the 32-bit field.
EppOutcome<QByteArray> writeEppFrame(QByteArrayView payload);

} // namespace reg::xrp
