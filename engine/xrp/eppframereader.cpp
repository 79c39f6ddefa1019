#include "eppframereader.h"

#include <QtEndian>

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace reg::xrp {

EppFrameReader::EppFrameReader(qsizetype maxFrameSize)
    : m_maxFrameSize(std::max(maxFrameSize, MinFrameSize))
{
}

EppFrameReader::FeedResult EppFrameReader::feed(QByteArrayView data)
{
    FeedResult result;
    if (m_error) {
        result.error = m_error;
        return result;
    }
    while (!data.isEmpty()) {
        if (m_payloadLength < 0) {
            const qsizetype take = std::min(HeaderSize - m_headerFill, data.size());
            std::copy_n(data.data(), take, m_header + m_headerFill);
            m_headerFill += take;
            data = data.sliced(take);
            if (m_headerFill < HeaderSize)
                break;
            if (auto error = acceptLength(qFromBigEndian<quint32>(m_header))) {
                m_error = std::move(error);
                result.error = m_error;
                m_payload = QByteArray();
                return result;
            }
            continue;
        }
        const qsizetype take = std::min(m_payloadLength - m_payload.size(), data.size());
        // Memory follows the bytes that actually arrived, not the announced length, so a peer that
        // announces the maximum and then stalls holds little; growth doubles but stops at the frame size.
        const qsizetype needed = m_payload.size() + take;
        if (needed > m_payload.capacity())
            m_payload.reserve(std::min(m_payloadLength, std::max(needed, 2 * m_payload.capacity())));
        m_payload.append(data.first(take));
        data = data.sliced(take);
        if (m_payload.size() == m_payloadLength) {
            result.frames.append(std::exchange(m_payload, QByteArray()));
            m_payloadLength = -1;
            m_headerFill = 0;
        }
    }
    return result;
}

std::optional<EppError> EppFrameReader::acceptLength(quint32 totalLength)
{
    // Compared as unsigned 64-bit so a length near 2^32 cannot wrap on any platform.
    if (quint64(totalLength) < quint64(MinFrameSize)) {
        return EppError{EppResult::CommandSyntaxError,
                        u"EPP frame length %1 is impossible: the length counts its own %2 bytes and "
                        "a frame must carry at least one byte of XML"_s.arg(totalLength).arg(HeaderSize)};
    }
    if (quint64(totalLength) > quint64(m_maxFrameSize)) {
        return EppError{EppResult::CommandSyntaxError,
                        u"EPP frame length %1 exceeds the maximum of %2 bytes"_s.arg(totalLength).arg(m_maxFrameSize)};
    }
    m_payloadLength = qsizetype(totalLength) - HeaderSize;
    return std::nullopt;
}

qsizetype EppFrameReader::pendingBytes() const
{
    if (m_error)
        return 0;
    return m_payloadLength < 0 ? m_headerFill : HeaderSize + m_payload.size();
}

std::optional<EppError> EppFrameReader::endOfStream() const
{
    if (m_error)
        return m_error;
    if (m_payloadLength < 0 && m_headerFill == 0)
        return std::nullopt;
    if (m_payloadLength < 0) {
        return EppError{EppResult::CommandSyntaxError,
                        u"the connection ended inside an EPP frame header (%1 of %2 bytes)"_s.arg(m_headerFill).arg(HeaderSize)};
    }
    return EppError{EppResult::CommandSyntaxError,
                    u"the connection ended inside an EPP frame (%1 of %2 bytes received)"_s
                        .arg(HeaderSize + m_payload.size())
                        .arg(HeaderSize + m_payloadLength)};
}

EppOutcome<QByteArray> writeEppFrame(QByteArrayView payload)
{
    if (payload.isEmpty())
        return EppError{EppResult::CommandFailed, u"refusing to send an empty EPP frame"_s};
    constexpr quint64 maxPayload = quint64(std::numeric_limits<quint32>::max()) - quint64(EppFrameReader::HeaderSize);
    if (quint64(payload.size()) > maxPayload)
        return EppError{EppResult::CommandFailed, u"EPP message of %1 bytes is too large for one frame"_s.arg(payload.size())};
    QByteArray frame(EppFrameReader::HeaderSize + payload.size(), Qt::Uninitialized);
    qToBigEndian<quint32>(quint32(EppFrameReader::HeaderSize + payload.size()), frame.data());
    std::copy_n(payload.data(), payload.size(), frame.data() + EppFrameReader::HeaderSize);
    return frame;
}

} // namespace reg::xrp
