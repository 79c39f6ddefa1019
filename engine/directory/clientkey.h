#pragma once

#include <QHostAddress>
#include <QtGlobal>

#include <cstring>
#include <functional>

namespace reg::directory {

// A client address as two integers, for hash tables on the query path: building it neither
// allocates nor formats text. IPv4 and IPv4-mapped IPv6 addresses are the same client.
struct ClientKey
{
    quint64 high = 0;
    quint64 low = 0;

    // ipv6Prefix64: an IPv6 address is kept to its /64 (one subscriber's network); the other half is zero.
    static ClientKey of(const QHostAddress &address, bool ipv6Prefix64)
    {
        ClientKey k;
        bool isV4 = false;
        const quint32 v4 = address.toIPv4Address(&isV4);
        if (isV4) {
            k.low = v4;
            k.high = 0xffffffff00000000ULL;   // not a valid first half of a global IPv6 address
            return k;
        }
        if (address.protocol() != QAbstractSocket::IPv6Protocol)
            return k;
        const Q_IPV6ADDR a = address.toIPv6Address();
        std::memcpy(&k.high, &a.c[0], 8);
        if (!ipv6Prefix64)
            std::memcpy(&k.low, &a.c[8], 8);
        return k;
    }

    QHostAddress toAddress() const
    {
        if (high == 0xffffffff00000000ULL)
            return QHostAddress(quint32(low));
        Q_IPV6ADDR a;
        std::memcpy(&a.c[0], &high, 8);
        std::memcpy(&a.c[8], &low, 8);
        return QHostAddress(a);
    }

    friend bool operator==(const ClientKey &a, const ClientKey &b) { return a.high == b.high && a.low == b.low; }
};

struct ClientKeyHash
{
    size_t operator()(const ClientKey &k) const noexcept
    {
        // splitmix64 finaliser over both halves: neighbouring addresses spread over the stripes.
        quint64 x = k.high ^ (k.low * 0x9e3779b97f4a7c15ULL);
        x ^= x >> 30;
        x *= 0xbf58476d1ce4e5b9ULL;
        x ^= x >> 27;
        x *= 0x94d049bb133111ebULL;
        x ^= x >> 31;
        return size_t(x);
    }
};

} // namespace reg::directory
