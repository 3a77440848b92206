using System.Text.RegularExpressions;
using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Cases;
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
        if (marking.CaseRoute is { } route && !marking.CaseLoadedByPage && int.TryParse(http.GetRouteValue(route)?.ToString(), out var caseId))
        {
            var c = await db.Cases.AsNoTracking().Where(x => x.Id == caseId)
                .Select(x => new { x.Id, x.CaseRef, x.ParticipantId, x.Participant.ProtectedIdentity, x.JobCentreId, x.DistrictId, x.ConsentGiven, x.CoachId })
                .FirstOrDefaultAsync(http.RequestAborted);
            if (c is not null)
            {
                context.Concerns(c.Id, c.CaseRef, c.ParticipantId, c.ProtectedIdentity);
                if (AsksForReason(http, context, user, reasons, options.Value, new CaseScope(c.JobCentreId, c.DistrictId, c.ConsentGiven), c.Id, c.CoachId))
                {
                    RedirectToReason(http, c.Id);
                    return;
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
        try
        {
            await next(http);
        }
        catch (ReasonNeededException asked) when (!http.Response.HasStarted)
        {
            logged = true; // nothing was shown
            http.Response.Clear();
            RedirectToReason(http, asked.CaseId);
        }
    }

    /// <summary>
    /// Called by a page that loads the route's case itself (<see cref="ShowsPersonalDataAttribute.CaseLoadedByPage"/>) once
    /// it has it: names the case on the entry and, when a reason must be asked first, stops the page before it shows
    /// anything (the middleware then sends the user to the reason page).
    /// </summary>
    public static void CaseLoaded(HttpContext http, Case c)
    {
        if (http.GetEndpoint()?.Metadata.GetMetadata<ShowsPersonalDataAttribute>() is not { CaseLoadedByPage: true }) return;
        var services = http.RequestServices;
        var context = services.GetRequiredService<AccessLogContext>();
        context.Concerns(c);
        if (AsksForReason(http, context, services.GetRequiredService<CurrentUser>(), services.GetRequiredService<CaseReasons>(),
                services.GetRequiredService<Microsoft.Extensions.Options.IOptions<AccessLogOptions>>().Value,
                new CaseScope(c.JobCentreId, c.DistrictId, c.ConsentGiven), c.Id, c.CoachId))
            throw new ReasonNeededException(c.Id);
    }

    /// <summary>Whether a staff member opening this case outside their own caseload must give a reason before the page
    /// shows it; notes on the entry that the read is outside the caseload, with the reason given earlier if any. A page
    /// read asks first; a form sent from a page opened with a reason carries it already.</summary>
    private static bool AsksForReason(HttpContext http, AccessLogContext context, CurrentUser user, CaseReasons reasons, AccessLogOptions options,
        CaseScope scope, int caseId, string? coachId)
    {
        var who = user.Access;
        if (who.IsApiKey || !AccessRules.Allows(who, Permission.ReadCase, scope) || AccessRules.IsOwnCase(who, user.Id, scope, coachId)) return false;
        context.OutsideCaseload = true;
        context.Reason = reasons.ReasonFor(http, user.Id ?? "", caseId);
        return context.Reason is null && options.AskForReason && HttpMethods.IsGet(http.Request.Method)
               && http.GetEndpoint()?.Metadata.GetMetadata<PageActionDescriptor>() is not null;
    }

    private static void RedirectToReason(HttpContext http, int caseId)
    {
        var back = http.Request.PathBase + http.Request.Path + http.Request.QueryString;
        http.Response.Redirect($"{http.Request.PathBase}{ReasonPage}?caseId={caseId}&returnUrl={Uri.EscapeDataString(back)}");
    }

    /// <summary>Thrown by <see cref="CaseLoaded"/> to stop a page that must not show the case before a reason is given.</summary>
    private sealed class ReasonNeededException(int caseId) : Exception("A reason must be given before the case is shown.")
    {
        public int CaseId { get; } = caseId;
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
