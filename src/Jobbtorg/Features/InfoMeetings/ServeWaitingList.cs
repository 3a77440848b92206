using Jobbtorg.Data;
using Jobbtorg.Features.Organisation;
using Jobbtorg.Features.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jobbtorg.Features.InfoMeetings;

/// <summary>Books waiting cases in <see cref="WaitingListOrder"/> while meetings with free seats remain: whenever seats or
/// places appear (a new meeting, a cancellation, a raised quota) and in the periodic round.</summary>
public sealed class ServeWaitingList(JobbtorgDb db, TimeProvider clock, IOptions<InfoMeetingOptions> options, BookInfoMeeting book,
    ILogger<ServeWaitingList> log)
{
    /// <summary>Serves one centre's list for one kind of meeting. Returns how many were booked.</summary>
    public async Task<int> HandleAsync(int jobCentreId, MeetingKind kind, CancellationToken ct = default)
    {
        var policy = BookingPolicy.From(options.Value);
        var booked = 0;
        foreach (var caseId in await db.InfoMeetingWaits.WaitingList(jobCentreId, kind).Select(w => w.CaseId).ToListAsync(ct))
        {
            if (!await db.InfoMeetings.AnyAsync(policy.Qualifying(jobCentreId, kind, clock.GetUtcNow()), ct)) break;
            try
            {
                if ((await book.HandleAsync(caseId, ct: ct)).Booking is not null) booked++;
            }
            catch (RuleBrokenException)
            {
                // The case was enrolled or closed meanwhile; it is no longer waiting.
                await db.InfoMeetingWaits.Where(w => w.CaseId == caseId).ExecuteDeleteAsync(ct);
            }
        }
        if (booked > 0) log.LogInformation("Waiting list at centre {JobCentreId} ({Kind}): {Booked} booked", jobCentreId, kind, booked);
        return booked;
    }

    /// <summary>Every waiting list, for the periodic round that catches meetings coming within the horizon.</summary>
    public async Task AllAsync(CancellationToken ct = default)
    {
        var lists = await db.InfoMeetingWaits.Select(w => new { w.JobCentreId, w.Kind }).Distinct().ToListAsync(ct);
        foreach (var list in lists) await HandleAsync(list.JobCentreId, list.Kind, ct);
    }
}
