// xrp::dispatchCommand: routes a logged-in session's command, parses it with the codecs, runs it
// through the SRS (reads at once on the calling thread, writes on the writer thread) and renders
// the answer. Everything protocol-specific that can be tested without a registry lives in the
// codecs and commandrouting; this file is the glue.
#include "commandrouting.h"
#include "contactcodec.h"
#include "customfieldscodec.h"
#include "domaincommandparser.h"
#include "domaincodec.h"
#include "eppnamespaces.h"
#include "feecodec.h"
#include "hostcodec.h"
#include "pollcodec.h"
#include "refusalmapping.h"
#include "rgpcodec.h"
#include "secdnscodec.h"

#include "xrp/xrpcommand.h"

#include "srs/billing.h"
#include "srs/contact.h"
#include "srs/domain.h"
#include "srs/domainname.h"
#include "srs/host.h"
#include "srs/pollqueue.h"

#include <QXmlStreamWriter>

using namespace Qt::StringLiterals;

namespace reg::xrp {

namespace {

using Writer = std::function<void(QXmlStreamWriter &)>;

// Several extension answers in one <extension>.
Writer joined(QList<Writer> writers)
{
    writers.removeIf([](const Writer &w) { return !w; });
    if (writers.isEmpty())
        return {};
    return [writers](QXmlStreamWriter &xml) {
        for (const Writer &w : writers)
            w(xml);
    };
}

// One command on its way through: what the session asked, and how to answer.
class CommandRun
{
public:
    CommandRun(const XrpCommand &command, const XrpServices &services, QObject *context, XrpReply reply)
        : m_command(command), m_services(services), m_context(context), m_reply(std::move(reply))
    {
        m_ctx.registrarId = command.session ? command.session->registrarId : QString();
        m_ctx.userId = command.session ? command.session->userId : QString();
        m_ctx.clientTransactionId = command.clientTransactionId;
        m_ctx.serverTransactionId = command.serverTransactionId;
        m_ctx.policy = services.policy;
        m_ctx.clock = services.clock;
    }

    void run();

private:
    void domain();
    void host();
    void contact();
    void poll();

    void domainCheck();
    void domainUpdate();
    void feeCheck(const QStringList &names, const QList<FeeCheckQuery> &queries, Writer &out);

    // Answers: every path ends in exactly one of these.
    void respond(EppResponseContent response)
    {
        response.clientTransactionId = m_command.clientTransactionId;
        response.serverTransactionId = m_command.serverTransactionId;
        m_reply(std::move(response), XrpAuditSubject{m_routed.auditName, m_subject});
    }
    void refuse(const EppError &error) { respond(errorResponse(error)); }
    void refuse(const srs::SrsError &error) { respond(refusalResponse(error)); }
    void succeed(Writer resData = {}, Writer extension = {}, EppResult result = EppResult::Success)
    {
        EppResponseContent response;
        response.result = result;
        response.resData = std::move(resData);
        response.extension = std::move(extension);
        respond(std::move(response));
    }
    bool uses(QStringView uri) const { return sessionUses(m_command, uri); }

    // A write: `done` gets the value on this command's thread after the commit.
    template<typename T>
    void write(srs::WriteCommand<T> command, std::function<void(T)> done)
    {
        auto respondTo = deferredReply();
        srs::submitWrite<T>(*m_services.writer, m_context, std::move(command),
                            [respondTo, done = std::move(done)](srs::SrsOutcome<T> outcome, qint64) {
                                if (!outcome)
                                    respondTo(refusalResponse(outcome.error()));
                                else
                                    done(std::move(outcome.value()));
                            });
    }
    // The answer builder for writes, usable after this run is gone.
    std::function<void(EppResponseContent)> deferredReply() const
    {
        return [reply = m_reply, clTRID = m_command.clientTransactionId, svTRID = m_command.serverTransactionId,
                subject = XrpAuditSubject{m_routed.auditName, m_subject}](EppResponseContent response) {
            response.clientTransactionId = clTRID;
            response.serverTransactionId = svTRID;
            reply(std::move(response), subject);
        };
    }

    const XrpCommand &m_command;
    XrpServices m_services;
    QObject *m_context;
    XrpReply m_reply;
    srs::RequestContext m_ctx;
    RoutedCommand m_routed;
    QString m_subject;
};

EppResponseContent successResponse(Writer resData, Writer extension, EppResult result = EppResult::Success)
{
    EppResponseContent response;
    response.result = result;
    response.resData = std::move(resData);
    response.extension = std::move(extension);
    return response;
}

void CommandRun::run()
{
    EppOutcome<RoutedCommand> routed = routeCommand(m_command);
    if (!routed) {
        m_routed.auditName = m_command.action ? m_command.action->name() : u"command"_s;
        refuse(routed.error());
        return;
    }
    m_routed = std::move(routed).value();
    switch (m_routed.object) {
    case ObjectKind::Domain: domain(); return;
    case ObjectKind::Host: host(); return;
    case ObjectKind::Contact: contact(); return;
    case ObjectKind::None: poll(); return;
    }
}

void CommandRun::domain()
{
    const EppElement &object = *m_command.object;
    const CommandExtensions &ext = m_routed.extensions;
    switch (m_routed.verb) {
    case CommandVerb::Check:
        domainCheck();
        return;
    case CommandVerb::Info: {
        EppOutcome<DomainInfoQuery> query = parseDomainInfo(object);
        if (!query)
            return refuse(query.error());
        m_subject = query->name;
        srs::SrsOutcome<srs::DomainInfoResult> info =
            srs::DomainCommands::info(*m_services.reader, m_ctx, query->name, query->hosts, query->authInfo);
        if (!info)
            return refuse(info.error());
        const bool sponsor = info->domain.sponsorId == m_ctx.registrarId;
        QList<Writer> extensions;
        // Each answer only when the session announced the extension and there is something to say
        // (an empty <extension> is invalid).
        if (uses(SecDnsNamespace) && !info->domain.dsRecords.isEmpty())
            extensions.append([ds = info->domain.dsRecords, life = info->domain.maxSigLife](QXmlStreamWriter &xml) {
                writeSecDnsInfoData(xml, ds, life);
            });
        if (uses(RgpNamespace) && !info->domain.gracePeriods.isEmpty())
            extensions.append([periods = info->domain.gracePeriods](QXmlStreamWriter &xml) { writeRgpInfoData(xml, periods); });
        if (uses(CustomFieldsNamespace) && info->full && !info->domain.customFields.isEmpty())
            extensions.append([fields = info->domain.customFields](QXmlStreamWriter &xml) { writeCustomFieldsInfoData(xml, fields); });
        return succeed([result = info.value(), hosts = query->hosts, sponsor](QXmlStreamWriter &xml) {
            writeDomainInfoData(xml, result, hosts, sponsor);
        }, joined(extensions));
    }
    case CommandVerb::Create: {
        EppOutcome<srs::DomainCreateRequest> parsed = parseDomainCreateCommand(object, ext);
        if (!parsed)
            return refuse(parsed.error());
        srs::DomainCreateRequest request = std::move(parsed).value();
        m_subject = request.name;
        const int years = request.period.years;
        const bool fee = uses(FeeNamespace);
        auto answer = deferredReply();
        write<srs::DomainCreated>(srs::DomainCommands::create(m_ctx, std::move(request)), [answer, years, fee](srs::DomainCreated created) {
            Writer feeData;
            if (fee)
                feeData = [charge = created.charge, years](QXmlStreamWriter &xml) { writeFeeTransformData(xml, u"creData", charge, years); };
            answer(successResponse([created](QXmlStreamWriter &xml) { writeDomainCreateData(xml, created); }, feeData));
        });
        return;
    }
    case CommandVerb::Update:
        domainUpdate();
        return;
    case CommandVerb::Delete: {
        EppOutcome<QString> name = parseDomainDelete(object);
        if (!name)
            return refuse(name.error());
        m_subject = *name;
        const bool fee = uses(FeeNamespace);
        auto answer = deferredReply();
        write<srs::DomainDeleted>(srs::DomainCommands::remove(m_ctx, *name), [answer, fee](srs::DomainDeleted deleted) {
            Writer feeData;
            if (fee && deleted.refund) {
                srs::Charge credit = *deleted.refund;
                credit.feeCents = -std::abs(credit.feeCents);
                feeData = [credit](QXmlStreamWriter &xml) { writeFeeTransformData(xml, u"delData", credit, std::nullopt); };
            }
            // Into redemption: the deletion completes later (RFC 3915), so 1001.
            answer(successResponse({}, feeData, deleted.purged ? EppResult::Success : EppResult::SuccessActionPending));
        });
        return;
    }
    case CommandVerb::Renew: {
        EppOutcome<srs::DomainRenewRequest> parsed = parseDomainRenewCommand(object, ext);
        if (!parsed)
            return refuse(parsed.error());
        srs::DomainRenewRequest request = std::move(parsed).value();
        m_subject = request.name;
        const int years = request.period.years;
        const bool fee = uses(FeeNamespace);
        auto answer = deferredReply();
        write<srs::DomainRenewed>(srs::DomainCommands::renew(m_ctx, std::move(request)), [answer, years, fee](srs::DomainRenewed renewed) {
            Writer feeData;
            if (fee)
                feeData = [charge = renewed.charge, years](QXmlStreamWriter &xml) { writeFeeTransformData(xml, u"renData", charge, years); };
            answer(successResponse([renewed](QXmlStreamWriter &xml) { writeDomainRenewData(xml, renewed); }, feeData));
        });
        return;
    }
    case CommandVerb::Transfer: {
        EppOutcome<DomainTransferCommand> parsed = parseDomainTransferCommand(*m_command.action, object, ext);
        if (!parsed)
            return refuse(parsed.error());
        DomainTransferCommand command = std::move(parsed).value();
        m_subject = command.request.name;
        if (command.query) {
            srs::SrsOutcome<srs::TransferInfo> info =
                srs::DomainCommands::transferQuery(*m_services.reader, m_ctx, command.request.name, command.request.authInfo);
            if (!info)
                return refuse(info.error());
            return succeed([transfer = info.value()](QXmlStreamWriter &xml) { writeDomainTransferData(xml, transfer); });
        }
        const int years = command.request.period.years;
        const bool fee = uses(FeeNamespace);
        auto answer = deferredReply();
        write<srs::DomainTransferResult>(srs::DomainCommands::transfer(m_ctx, command.request),
                                         [answer, years, fee](srs::DomainTransferResult result) {
            Writer feeData;
            if (fee && result.charge)
                feeData = [charge = *result.charge, years](QXmlStreamWriter &xml) { writeFeeTransformData(xml, u"trnData", charge, years); };
            const EppResult code = result.transfer.status == srs::TransferStatus::Pending ? EppResult::SuccessActionPending
                                                                                          : EppResult::Success;
            answer(successResponse([transfer = result.transfer](QXmlStreamWriter &xml) { writeDomainTransferData(xml, transfer); },
                                   feeData, code));
        });
        return;
    }
    case CommandVerb::Poll:
        break;
    }
    refuse(EppError{EppResult::UnknownCommand, u"unknown command"_s});
}

void CommandRun::domainCheck()
{
    EppOutcome<DomainCheckCommand> command = parseDomainCheckCommand(*m_command.object, m_routed.extensions);
    if (!command)
        return refuse(command.error());
    m_subject = command->names.join(u' ').left(256);
    srs::SrsOutcome<QList<srs::DomainCheckResult>> results = srs::DomainCommands::check(*m_services.reader, m_ctx, command->names);
    if (!results)
        return refuse(results.error());
    Writer feeData;
    if (command->fee)
        feeCheck(command->names, *command->fee, feeData);
    succeed([list = results.value()](QXmlStreamWriter &xml) { writeDomainCheckData(xml, list); }, feeData);
}

void CommandRun::feeCheck(const QStringList &names, const QList<FeeCheckQuery> &queries, Writer &out)
{
    const QStringList tlds = m_services.policy ? m_services.policy->tlds : QStringList();
    QList<FeeCheckItem> items;
    for (const QString &name : names) {
        FeeCheckItem item;
        item.name = name;
        const Result<srs::DomainName> parsed = srs::DomainName::parseRegistrable(name, tlds);
        const Result<QString> tld = parsed ? parsed->servingTld(tlds) : Result<QString>(parsed.error());
        if (!tld) {
            item.available = false;
            item.reason = u"not a registrable name under a TLD of this registry"_s;
            items.append(item);
            continue;
        }
        for (const FeeCheckQuery &query : queries) {
            FeeQuote quote;
            quote.command = query.command;
            quote.years = query.years.value_or(1);
            std::optional<srs::BillableOperation> operation;
            switch (query.command) {
            case FeeCommand::Create: operation = srs::BillableOperation::Create; break;
            case FeeCommand::Renew: operation = srs::BillableOperation::Renew; break;
            case FeeCommand::Transfer: operation = srs::BillableOperation::Transfer; break;
            case FeeCommand::Restore: operation = srs::BillableOperation::Restore; quote.years = 1; break;
            case FeeCommand::Delete:
            case FeeCommand::Update: quote.feeCents = 0; break;   // not billed here
            case FeeCommand::Custom: quote.reason = u"no custom commands are billed by this registry"_s; break;
            }
            if (operation) {
                srs::SrsOutcome<qint64> price = srs::Billing::price(*m_services.reader, *tld, *operation, quote.years);
                if (price)
                    quote.feeCents = *price;
                else
                    quote.reason = price.error().message;
            }
            item.quotes.append(quote);
        }
        items.append(item);
    }
    out = [items](QXmlStreamWriter &xml) { writeFeeCheckData(xml, items); };
}

void CommandRun::domainUpdate()
{
    EppOutcome<DomainUpdateCommand> parsed = parseDomainUpdateCommand(*m_command.object, m_routed.extensions);
    if (!parsed)
        return refuse(parsed.error());
    DomainUpdateCommand command = std::move(parsed).value();
    m_subject = command.update.name;
    if (command.restore) {
        const bool isRequest = !command.restore->report.has_value();
        const bool fee = uses(FeeNamespace);
        m_routed.auditName = isRequest ? u"domain:restore"_s : u"domain:restoreReport"_s;
        auto answer = deferredReply();
        write<srs::RestoreResult>(srs::DomainCommands::restore(m_ctx, std::move(*command.restore)),
                                  [answer, isRequest, fee](srs::RestoreResult result) {
            QList<Writer> extensions;
            // RFC 3915 4.2.5: the answer to a restore request says it is now pending.
            if (isRequest)
                extensions.append([](QXmlStreamWriter &xml) { writeRgpUpdateData(xml, srs::GracePeriod::PendingRestore); });
            if (fee && result.charge)
                extensions.append([charge = *result.charge](QXmlStreamWriter &xml) {
                    writeFeeTransformData(xml, u"updData", charge, std::nullopt);
                });
            answer(successResponse({}, joined(extensions)));
        });
        return;
    }
    auto answer = deferredReply();
    write<srs::Done>(srs::DomainCommands::update(m_ctx, std::move(command.update)),
                     [answer](srs::Done) { answer(successResponse({}, {})); });
}

void CommandRun::host()
{
    const EppElement &object = *m_command.object;
    switch (m_routed.verb) {
    case CommandVerb::Check: {
        EppOutcome<QStringList> names = parseHostCheck(object);
        if (!names)
            return refuse(names.error());
        m_subject = names->join(u' ').left(256);
        srs::SrsOutcome<QList<srs::HostCheckResult>> results = srs::HostCommands::check(*m_services.reader, m_ctx, *names);
        if (!results)
            return refuse(results.error());
        return succeed([list = results.value()](QXmlStreamWriter &xml) { writeHostCheckData(xml, list); });
    }
    case CommandVerb::Info: {
        EppOutcome<QString> name = parseHostInfo(object);
        if (!name)
            return refuse(name.error());
        m_subject = *name;
        srs::SrsOutcome<srs::Host> info = srs::HostCommands::info(*m_services.reader, m_ctx, *name);
        if (!info)
            return refuse(info.error());
        return succeed([host = info.value()](QXmlStreamWriter &xml) { writeHostInfoData(xml, host); });
    }
    case CommandVerb::Create: {
        EppOutcome<srs::HostCreateRequest> request = parseHostCreate(object);
        if (!request)
            return refuse(request.error());
        m_subject = request->name;
        auto answer = deferredReply();
        write<srs::HostCreated>(srs::HostCommands::create(m_ctx, std::move(request).value()), [answer](srs::HostCreated created) {
            answer(successResponse([created](QXmlStreamWriter &xml) { writeHostCreateData(xml, created); }, {}));
        });
        return;
    }
    case CommandVerb::Update: {
        EppOutcome<srs::HostUpdateRequest> request = parseHostUpdate(object);
        if (!request)
            return refuse(request.error());
        m_subject = request->name;
        auto answer = deferredReply();
        write<srs::Done>(srs::HostCommands::update(m_ctx, std::move(request).value()),
                         [answer](srs::Done) { answer(successResponse({}, {})); });
        return;
    }
    case CommandVerb::Delete: {
        EppOutcome<QString> name = parseHostDelete(object);
        if (!name)
            return refuse(name.error());
        m_subject = *name;
        auto answer = deferredReply();
        write<srs::Done>(srs::HostCommands::remove(m_ctx, *name), [answer](srs::Done) { answer(successResponse({}, {})); });
        return;
    }
    case CommandVerb::Renew:
    case CommandVerb::Transfer:
    case CommandVerb::Poll:
        break;
    }
    refuse(EppError{EppResult::UnimplementedCommand, u"not a command of the host mapping"_s});
}

void CommandRun::contact()
{
    const EppElement &object = *m_command.object;
    switch (m_routed.verb) {
    case CommandVerb::Check: {
        EppOutcome<QStringList> ids = parseContactCheck(object);
        if (!ids)
            return refuse(ids.error());
        m_subject = ids->join(u' ').left(256);
        srs::SrsOutcome<QList<srs::ContactCheckResult>> results = srs::ContactCommands::check(*m_services.reader, m_ctx, *ids);
        if (!results)
            return refuse(results.error());
        return succeed([list = results.value()](QXmlStreamWriter &xml) { writeContactCheckData(xml, list); });
    }
    case CommandVerb::Info: {
        EppOutcome<ContactInfoQuery> query = parseContactInfo(object);
        if (!query)
            return refuse(query.error());
        m_subject = query->id;
        srs::SrsOutcome<srs::ContactInfoResult> info =
            srs::ContactCommands::info(*m_services.reader, m_ctx, query->id, query->authInfo);
        if (!info)
            return refuse(info.error());
        // contact:infData requires postal info and e-mail; a caller who may not see them gets 2201.
        if (!info->full)
            return refuse(srs::SrsError(srs::Refusal::AuthorizationError,
                                        u"contact details are shown to the sponsor or with the contact's authInfo"_s));
        const bool sponsor = info->contact.sponsorId == m_ctx.registrarId;
        srs::ContactInfoResult result = info.value();
        // The sponsor sees its privacy choice as the disclose preferences it maps back to.
        if (sponsor && !result.disclose)
            result.disclose = srs::ContactCommands::discloseFor(result.contact.privacy);
        return succeed([result, sponsor](QXmlStreamWriter &xml) { writeContactInfoData(xml, result, sponsor); });
    }
    case CommandVerb::Create: {
        EppOutcome<srs::ContactCreateRequest> request = parseContactCreate(object);
        if (!request)
            return refuse(request.error());
        m_subject = request->id;
        auto answer = deferredReply();
        write<srs::ContactCreated>(srs::ContactCommands::create(m_ctx, std::move(request).value()), [answer](srs::ContactCreated created) {
            answer(successResponse([created](QXmlStreamWriter &xml) { writeContactCreateData(xml, created); }, {}));
        });
        return;
    }
    case CommandVerb::Update: {
        EppOutcome<srs::ContactUpdateRequest> request = parseContactUpdate(object);
        if (!request)
            return refuse(request.error());
        m_subject = request->id;
        auto answer = deferredReply();
        write<srs::Done>(srs::ContactCommands::update(m_ctx, std::move(request).value()),
                         [answer](srs::Done) { answer(successResponse({}, {})); });
        return;
    }
    case CommandVerb::Delete: {
        EppOutcome<QString> id = parseContactDelete(object);
        if (!id)
            return refuse(id.error());
        m_subject = *id;
        auto answer = deferredReply();
        write<srs::Done>(srs::ContactCommands::remove(m_ctx, *id), [answer](srs::Done) { answer(successResponse({}, {})); });
        return;
    }
    case CommandVerb::Transfer: {
        EppOutcome<ContactTransferCommand> parsed = parseContactTransfer(*m_command.action, object);
        if (!parsed)
            return refuse(parsed.error());
        const ContactTransferCommand command = parsed.value();
        m_subject = command.id;
        if (command.query) {
            srs::SrsOutcome<srs::TransferInfo> info =
                srs::ContactCommands::transferQuery(*m_services.reader, m_ctx, command.id, command.authInfo);
            if (!info)
                return refuse(info.error());
            return succeed([transfer = info.value()](QXmlStreamWriter &xml) { writeContactTransferData(xml, transfer); });
        }
        auto answer = deferredReply();
        write<srs::TransferInfo>(srs::ContactCommands::transfer(m_ctx, command.operation, command.id, command.authInfo),
                                 [answer](srs::TransferInfo transfer) {
            const EppResult code = transfer.status == srs::TransferStatus::Pending ? EppResult::SuccessActionPending : EppResult::Success;
            answer(successResponse([transfer](QXmlStreamWriter &xml) { writeContactTransferData(xml, transfer); }, {}, code));
        });
        return;
    }
    case CommandVerb::Renew:
    case CommandVerb::Poll:
        break;
    }
    refuse(EppError{EppResult::UnimplementedCommand, u"not a command of the contact mapping"_s});
}

void CommandRun::poll()
{
    EppOutcome<PollCommand> parsed = parsePoll(*m_command.action);
    if (!parsed)
        return refuse(parsed.error());
    if (!parsed->ack) {
        srs::SrsOutcome<srs::PollHead> head = srs::PollQueue::req(*m_services.reader, m_ctx);
        if (!head)
            return refuse(head.error());
        if (!head->first || head->count <= 0)
            return succeed({}, {}, EppResult::SuccessNoMessages);
        m_subject = QString::number(head->first->id);
        EppResponseContent response;
        response.result = EppResult::SuccessAckToDequeue;
        response.messageQueue = messageQueueFor(*head->first, head->count);
        response.resData = pollMessageResData(*head->first);
        return respond(std::move(response));
    }
    m_subject = parsed->messageId;
    auto answer = deferredReply();
    write<srs::PollHead>(srs::PollQueue::ack(m_ctx, parsed->messageId), [answer, acked = parsed->messageId](srs::PollHead head) {
        EppResponseContent response;
        EppMessageQueue queue;
        queue.count = quint64(std::max<qint64>(head.count, 0));
        // The id acknowledged, as in RFC 5730's ack example (PollQueue::ack answers that message).
        queue.id = head.first ? QString::number(head.first->id) : acked;
        response.messageQueue = queue;
        answer(std::move(response));
    });
}

} // namespace

void dispatchCommand(const XrpCommand &command, const XrpServices &services, QObject *context, XrpReply reply)
{
    CommandRun run(command, services, context, std::move(reply));
    run.run();
}

} // namespace reg::xrp
