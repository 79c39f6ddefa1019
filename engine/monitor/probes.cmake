# Service probes (issue 6): XRP, Whois, RDAP and DNS probed on a schedule, results in probe_results.
list(APPEND MONITOR_SOURCES
  probetypes.cpp probetypes.h
  proberun.cpp proberun.h
  xrpprobe.cpp xrpprobe.h
  whoisprobe.cpp whoisprobe.h
  rdapprobe.cpp rdapprobe.h
  dnsprobe.cpp dnsprobe.h
  probefactory.cpp probefactory.h
  proberesultstore.cpp proberesultstore.h
  probescheduler.cpp probescheduler.h
  probeconfiguration.cpp probeconfiguration.h)
list(APPEND MONITOR_PUBLIC registry_store registry_dns registry_xrpclient)
