#pragma once

namespace reg::daemon {

// registryd's exit codes, documented in `registryd --help` so scripts and systemd units can tell
// an operator's mistake from an environment failure. Never renumber: add new codes at the end.
enum class ExitCode : int {
    Ok = 0,
    Failure = 1,          // unexpected: I/O, OpenSSL, a bug (the message says what)
    Usage = 2,            // bad command line
    Config = 3,           // registryd.conf missing, malformed or invalid
    DataDirectory = 4,    // init target not empty; database missing, newer schema or corrupt; data dir in use
    Listen = 5,           // a service could not start listening (address in use, certificate unreadable)
    JournalBroken = 6,    // `journal verify` found a gap or an edited entry
};

inline int toInt(ExitCode code)
{
    return static_cast<int>(code);
}

} // namespace reg::daemon
