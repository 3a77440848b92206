using System.Text.RegularExpressions;
using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features.AccessLog;

/// <summary>
/// Writes one access-log entry for every request to an endpoint marked <see cref="ShowsPersonalDataAttribute"/> that
/// succeeds (a 2xx or 3xx answer). A request refused (401, 403), not found (404) or with bad input (400) showed no one's
/// data and is not logged. Before the handler runs it reads the route's case, if the endpoint names one, and asks a staff
/// member opening a case outside their own caseload for a reason first.
/// </summary>
public sealed partial class AccessLogMiddleware(RequestDelegate next)
{
    public const string ReasonPage = "/AccessLog/Reason";

    public async Task InvokeAsync(HttpContext http, AccessLogContext context, AccessLogWriter writer, CurrentUser user, CaseReasons reasons,
        JobbtorgDb db, TimeProvider clock, Microsoft.Extensions.Options.IOptions<AccessLogOptions> options)
    {
        var endpoint = http.GetEndpoint();
        if (endpoint?.Metadata.GetMetadata<ShowsPersonalDataAttribute>() is not { } marking || http.User.Identity?.IsAuthenticated != true
            || (marking.ChangesOnly && (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))))
        {
            await next(http);
            return;
        }
        var who = user.Access;
        var userId = who.IsApiKey ? null : user.Id;
        if (marking.CaseRoute is { } route && int.TryParse(http.GetRouteValue(route)?.ToString(), out var caseId))
        {
            var c = await db.Cases.AsNoTracking().Where(x => x.Id == caseId)
                .Select(x => new { x.Id, x.CaseRef, x.ParticipantId, x.Participant.ProtectedIdentity, x.JobCentreId, x.DistrictId, x.ConsentGiven, x.CoachId })
                .FirstOrDefaultAsync(http.RequestAborted);
            if (c is not null)
            {
                context.Concerns(c.Id, c.CaseRef, c.ParticipantId, c.ProtectedIdentity);
                var scope = new CaseScope(c.JobCentreId, c.DistrictId, c.ConsentGiven);
                if (!who.IsApiKey && AccessRules.Allows(who, Permission.ReadCase, scope) && !AccessRules.IsOwnCase(who, userId, scope, c.CoachId))
                {
                    context.OutsideCaseload = true;
                    context.Reason = reasons.ReasonFor(http, userId ?? "", c.Id);
                    // A page read asks first; a form sent from a page opened with a reason carries it already.
                    if (context.Reason is null && options.Value.AskForReason && HttpMethods.IsGet(http.Request.Method) && endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not null)
                    {
                        var back = http.Request.PathBase + http.Request.Path + http.Request.QueryString;
                        http.Response.Redirect($"{http.Request.PathBase}{ReasonPage}?caseId={c.Id}&returnUrl={Uri.EscapeDataString(back)}");
                        return;
                    }
                }
            }
        }

        var logged = false;
        http.Response.OnStarting(() =>
        {
            if (!logged && http.Response.StatusCode < 400)
            {
                logged = true;
                writer.Enqueue(EntryFor(http, endpoint, marking, context, user, userId, clock));
            }
            return Task.CompletedTask;
        });
        await next(http);
    }

    private static AccessLogEntry EntryFor(HttpContext http, Endpoint endpoint, ShowsPersonalDataAttribute marking, AccessLogContext context,
        CurrentUser user, string? userId, TimeProvider clock)
    {
        var method = http.Request.Method.ToUpperInvariant();
        var kind = marking.NamedKind ?? (HttpMethods.IsGet(method) || HttpMethods.IsHead(method) ? AccessKind.Read : AccessKind.Change);
        return new AccessLogEntry
        {
            At = AccessLogChain.Truncate(clock.GetUtcNow()),
            PrincipalKind = user.IsApiClient ? PrincipalKind.ApiKey : PrincipalKind.User,
            Principal = Bounded(user.Name is { Length: > 0 } name ? name : http.User.Identity?.Name ?? "?", AccessLogEntry.MaxPrincipalLength),
            UserId = userId,
            ParticipantId = context.ParticipantId,
            CaseId = context.CaseId,
            CaseRef = context.CaseRef,
            Kind = kind,
            Action = Bounded($"{method} {ActionOf(http, endpoint)}", AccessLogEntry.MaxActionLength),
            Path = Bounded(WithoutPersonalNumbers(http.Request.PathBase + http.Request.Path), AccessLogEntry.MaxPathLength),
            RemoteAddress = Bounded(http.Connection.RemoteIpAddress?.ToString(), AccessLogEntry.MaxAddressLength),
            Reason = context.Reason,
            OutsideCaseload = context.OutsideCaseload,
            ProtectedIdentity = context.ProtectedIdentity,
        };
    }

    /// <summary>The page (with its handler) or the route template without its constraints: "/Cases/Details",
    /// "/InfoMeetings/Invitation Ics", "/api/cases/{id}".</summary>
    public static string ActionOf(HttpContext http, Endpoint endpoint)
    {
        if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
        {
            var handler = http.GetRouteValue("handler")?.ToString() ?? http.Request.Query["handler"].FirstOrDefault();
            return string.IsNullOrEmpty(handler) ? page.ViewEnginePath : $"{page.ViewEnginePath} {WithoutPersonalNumbers(handler)}";
        }
        var pattern = (endpoint as RouteEndpoint)?.RoutePattern.RawText ?? http.Request.Path.Value ?? "";
        return "/" + Constraint().Replace(pattern.TrimStart('/'), "}").TrimEnd('/');
    }

    /// <summary>Any personal identity number in a path (10 or 12 digits, with or without a separator) replaced.</summary>
    public static string WithoutPersonalNumbers(string path) => PersonalNumberLike().Replace(path, "{personalNumber}");

    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(text))]
    private static string? Bounded(string? text, int max) => text is null || text.Length <= max ? text : text[..max];

    [GeneratedRegex(@"(?<!\d)(\d{2})?\d{6}(-|\+|%2B|%2b)?\d{4}(?!\d)")]
    private static partial Regex PersonalNumberLike();

    [GeneratedRegex(@"(:[^}]*)?\??\}")]
    private static partial Regex Constraint();
}
