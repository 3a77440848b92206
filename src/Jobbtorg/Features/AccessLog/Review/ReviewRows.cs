using Jobbtorg.Data;
using Jobbtorg.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features.AccessLog.Review;

/// <summary>An access-log entry as the reviewer reads it. <see cref="Person"/> is the person's name, the placeholder for a
/// protected identity, or a note that the person is no longer held (retention deletes people, never the log).</summary>
public sealed record ReviewRow(long Id, DateTimeOffset At, string Who, PrincipalKind PrincipalKind, string Person, string? MaskedPersonalNumber,
    string? CaseRef, AccessKind Kind, string Action, string Path, string? From, string? Reason, IReadOnlyList<LogFlag> Flags);

/// <summary>Turns entries into rows: the people they name (present or gone), and each entry's flags.</summary>
public sealed class ReviewRows(JobbtorgDb db, ReviewFlags flags, Texts texts)
{
    public async Task<List<ReviewRow>> OfAsync(IReadOnlyList<AccessLogEntry> entries, CancellationToken ct)
    {
        var personIds = entries.Where(e => e.ParticipantId != null).Select(e => e.ParticipantId!.Value).Distinct().ToList();
        var people = await db.Participants.AsNoTracking().Where(p => personIds.Contains(p.Id))
            .Select(p => new { p.Id, p.FirstName, p.LastName, p.PersonalNumber, p.ProtectedIdentity }).ToDictionaryAsync(p => p.Id, ct);
        var flagsOf = await flags.OfAsync(entries, ct);
        return entries.Select(e =>
        {
            string person;
            string? masked = null;
            if (e.ParticipantId is not { } id) person = "–";
            else if (!people.TryGetValue(id, out var p)) person = texts["No longer held"];
            else if (p.ProtectedIdentity || e.ProtectedIdentity) person = texts["Protected identity"];
            else
            {
                masked = $"{p.PersonalNumber[..8]}-XXXX";
                person = string.IsNullOrWhiteSpace(p.FirstName) && string.IsNullOrWhiteSpace(p.LastName) ? masked : $"{p.FirstName} {p.LastName}".Trim();
            }
            return new ReviewRow(e.Id, e.At, e.Principal, e.PrincipalKind, person, masked, e.CaseRef, e.Kind, e.Action, e.Path, e.RemoteAddress,
                e.Reason, flagsOf[e.Id]);
        }).ToList();
    }
}
