using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features.InfoMeetings;

/// <summary>Schedules a meeting or a weekly recurrence (see <see cref="InfoMeeting.Schedule"/>) at a job centre, then
/// serves the centre's waiting list onto the new seats. Whether the user may run the centre's meetings is the caller's
/// answer (<paramref name="mayManage"/> in each call); a refusal is named on the job centre field with the others.</summary>
public sealed class ScheduleInfoMeetings(JobbtorgDb db, TimeProvider clock, CurrentUser user, ServeWaitingList waitingList,
    ILogger<ScheduleInfoMeetings> log)
{
    /// <summary>Schedules, or stores nothing and names every broken rule.</summary>
    public async Task<Scheduling> HandleAsync(MeetingRequest request, Func<int, bool> mayManage, CancellationToken ct = default)
    {
        var scheduling = await CheckAsync(request, mayManage, ct);
        if (scheduling.Broken.Count > 0) return scheduling;
        db.InfoMeetings.AddRange(scheduling.Meetings);
        await db.SaveChangesAsync(ct);
        var first = scheduling.Meetings[0];
        log.LogInformation("{Count} info meetings scheduled at centre {JobCentreId}", scheduling.Meetings.Count, first.JobCentreId);
        await waitingList.HandleAsync(first.JobCentreId, first.Kind, ct);
        return scheduling;
    }

    /// <summary>What <see cref="HandleAsync"/> would refuse, without scheduling anything.</summary>
    public async Task<Scheduling> CheckAsync(MeetingRequest request, Func<int, bool> mayManage, CancellationToken ct = default)
    {
        // The centre is found here; the meeting's own fields are the meeting's rules.
        BrokenRule? centreRule = null;
        void Error(string field, string message, params object[] args) => centreRule = BrokenRule.OnField(field, message, args);

        var centre = string.IsNullOrWhiteSpace(request.JobCentre) || Input.TextProblem(request.JobCentre) is not null ? null
            : await db.JobCentres.FirstOrDefaultAsync(j => j.Code == request.JobCentre.Trim().ToLower(), ct);
        if (string.IsNullOrWhiteSpace(request.JobCentre)) Error(nameof(request.JobCentre), "Choose the job centre.");
        else if (centre is null) Error(nameof(request.JobCentre), "There is no job centre with the code '{0}'.", request.JobCentre);
        else if (!mayManage(centre.Id)) Error(nameof(request.JobCentre), "You may only schedule meetings at your own job centre.");
        if (Input.TextProblem(request.JobCentre) is { } problem) Error(nameof(request.JobCentre), problem);

        var scheduling = InfoMeeting.Schedule(request, centreRule is null ? centre!.Id : null, Signature.Of(user), clock.GetUtcNow());
        return centreRule is null ? scheduling : new Scheduling([], [centreRule, .. scheduling.Broken]);
    }
}
