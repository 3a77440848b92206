using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Shared;
using Jobbtorg.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features.AccessLog;

/// <summary><c>GET /api/access-log</c>: who accessed a person's data, for the authority's own tools and checks.</summary>
public static class AccessLogApi
{
    /// <summary>The most entries one answer holds; a longer period is refused with a message asking for a shorter one.</summary>
    public const int MaxEntries = 1000;
    /// <summary>The longest period one request may ask for.</summary>
    public const int MaxDays = 366;

    public sealed record AccessLogAnswer(List<AccessLogEntryDto> Entries);

    public sealed record AccessLogEntryDto(DateTimeOffset At, string Principal, string? CaseRef, string Action, string Path);

    public static void MapAccessLogApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/access-log", async Task<Results<Ok<AccessLogAnswer>, FieldProblem>> (JobbtorgDb db, AccessLogContext logContext,
                TimeProvider clock, CancellationToken ct, string? personalNumber = null, string? from = null, string? to = null) =>
            {
                var errors = new FieldErrors();
                var today = clock.Today();
                string? number = null;
                if (!string.IsNullOrWhiteSpace(personalNumber))
                {
                    if (PersonalNumber.TryParse(personalNumber, today, out var parsed, out var problem)) number = parsed.Value;
                    else errors.Refuse(nameof(personalNumber), Input.PersonalNumberProblem(problem));
                }
                var fromDate = Input.QueryDate(nameof(from), from, errors);
                var toDate = Input.QueryDate(nameof(to), to, errors);
                if (errors.Count > 0) return new FieldProblem(errors);
                var last = toDate ?? today;
                var first = fromDate ?? last.AddDays(-30);
                if (first > last) errors.Refuse(nameof(to), "The end date must not be before the start date.");
                else if (last.DayNumber - first.DayNumber >= MaxDays) errors.Refuse(nameof(from), "The period may be at most {0} days.", new Counted(MaxDays));
                if (errors.Count > 0) return new FieldProblem(errors);

                // Whole days in Stockholm time (midnight always exists there).
                var start = Clock.FromStockholm(first, TimeOnly.MinValue)!.Value;
                var end = Clock.FromStockholm(last.AddDays(1), TimeOnly.MinValue)!.Value;
                var query = db.AccessLog.AsNoTracking().Where(e => e.At >= start && e.At < end);
                if (number is not null)
                {
                    var people = await db.Participants.Where(p => p.PersonalNumber == number)
                        .Select(p => new { p.Id, p.ProtectedIdentity }).ToListAsync(ct);
                    if (people is [var person]) logContext.ConcernsPerson(person.Id, person.ProtectedIdentity);
                    var ids = people.Select(p => p.Id).ToList();
                    query = query.Where(e => e.ParticipantId != null && ids.Contains(e.ParticipantId.Value));
                }
                var rows = await query.OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Take(MaxEntries + 1)
                    .Select(e => new { e.At, e.Principal, e.CaseRef, e.Action, e.Path }).ToListAsync(ct);
                if (rows.Count > MaxEntries)
                    return new FieldProblem(errors.Refuse(nameof(from), "More than {0} entries in the period: choose a shorter period.", new Counted(MaxEntries)));
                return TypedResults.Ok(new AccessLogAnswer(rows.Select(e => new AccessLogEntryDto(e.At.ToStockholm(), e.Principal, e.CaseRef, e.Action, e.Path)).ToList()));
            })
            .WithTags("Access log")
            .RequirePermission(Permission.ReadAccessLog)
            .ShowsPersonalData()
            .WithName("getAccessLog")
            .WithSummary("Who accessed whose data: the access log, newest first")
            .WithDescription("Entries of one person (`personalNumber`, YYYYMMDD-NNNN) or of everyone, from `from` to `to` (dates, Stockholm " +
                             "time; by default the last 30 days up to today), at most 366 days and 1000 entries: a period with more is refused " +
                             "and must be made shorter. Each entry names who (a user's name or an API key's), when, the case, and the page or " +
                             "endpoint. Reading the log is itself logged. Scope `audit:read`, the log reviewer role or administrators.");
    }
}
