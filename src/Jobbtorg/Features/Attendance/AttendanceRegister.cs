using Jobbtorg.Data;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.DistrictMessages;
using Jobbtorg.Features.Plans;
using Jobbtorg.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features.Attendance;

/// <summary>A choice on the registration form: one required day of one activity for one case.</summary>
public sealed record AttendanceEntry(int CaseId, DateOnly Date, int ActivityTypeId, AttendanceStatus Status, AbsenceReason? Reason);

/// <summary>What a save stored: how many registrations were new or changed, and the required days whose unexcused
/// absence was reported to the case's district by it.</summary>
public sealed record AttendanceSaved(int Changed, IReadOnlyList<AttendanceSlot> Reported);

/// <summary>
/// Finds the required days of a set of cases with their registrations, and stores registrations. Used by the group day
/// view, the participant's page, the start page and the daily rounds.
/// </summary>
public sealed class AttendanceRegister(JobbtorgDb db, DistrictOutbox outbox, TimeProvider clock)
{
    /// <summary>The required days in [from, to] of the given cases, optionally of one activity type and one provider.</summary>
    public async Task<List<AttendanceSlot>> SlotsAsync(IQueryable<Case> cases, DateOnly from, DateOnly to, int? activityTypeId = null,
        int? providerId = null, bool track = false, CancellationToken ct = default)
    {
        var candidates = await cases
            .Where(c => c.EnrolmentDate != null && c.EnrolmentDate <= to && (c.ClosureDate == null || c.ClosureDate > from))
            .Where(c => c.Plans.Any(p => p.Status == PlanStatus.Agreed && p.AgreedOn <= to && p.Activities.Any(a =>
                a.ActivityType.RequiresDailyAttendance && a.StartDate <= to && (a.EndDate == null || a.EndDate >= from)
                && (activityTypeId == null || a.ActivityTypeId == activityTypeId)
                && (providerId == null || a.ProviderId == providerId))))
            .Include(c => c.Participant).Include(c => c.District)
            .Include(c => c.Plans.Where(p => p.Status == PlanStatus.Agreed)).ThenInclude(p => p.Activities).ThenInclude(a => a.ActivityType)
            .AsSplitQuery().AsNoTracking()
            .ToListAsync(ct);
        return await WithRegistrationsAsync(candidates, from, to, activityTypeId, providerId, track, ct);
    }

    /// <summary>The required days of one case already loaded with its plans (activities and their types).</summary>
    public Task<List<AttendanceSlot>> SlotsOfAsync(Case c, DateOnly from, DateOnly to, bool track = false, CancellationToken ct = default) =>
        WithRegistrationsAsync([c], from, to, null, null, track, ct);

    private async Task<List<AttendanceSlot>> WithRegistrationsAsync(List<Case> cases, DateOnly from, DateOnly to, int? activityTypeId,
        int? providerId, bool track, CancellationToken ct)
    {
        var required = cases
            .SelectMany(c => RequiredDays.For(c, from, to, a => (activityTypeId == null || a.ActivityTypeId == activityTypeId)
                                                                && (providerId == null || a.ProviderId == providerId))
                .Select(d => (Case: c, d.Date, d.Activity)))
            .ToList();
        if (required.Count == 0) return [];

        var caseIds = required.Select(r => r.Case.Id).Distinct().ToList();
        var query = db.AttendanceDays.Where(a => a.Date >= from && a.Date <= to);
        query = caseIds.Count == 1 ? query.Where(a => a.CaseId == caseIds[0]) : query.Where(a => caseIds.Contains(a.CaseId));
        if (!track) query = query.AsNoTracking();
        var registrations = (await query.ToListAsync(ct)).ToLookup(a => (a.CaseId, a.Date));

        return required.Select(r =>
        {
            var onDay = registrations[(r.Case.Id, r.Date)].ToList();
            // A registration for the activity itself, else an imported whole-day one.
            var registration = onDay.FirstOrDefault(a => a.ActivityTypeId == r.Activity.ActivityTypeId) ?? onDay.FirstOrDefault(a => a.ActivityTypeId == null);
            return new AttendanceSlot(r.Case, r.Date, r.Activity.ActivityType, r.Activity.ProviderId, registration);
        }).ToList();
    }

    /// <summary>
    /// Stores the choices for slots the caller may register (already validated as a whole by the page) in one
    /// transaction, with an unexcused-absence message to the district for each new unexcused absence.
    /// A later correction from unexcused to present or excused does not retract the message: the district sees the
    /// corrected day in the next weekly summary, which is always computed from the registrations as they stand then.
    /// </summary>
    public async Task<AttendanceSaved> SaveAsync(IReadOnlyList<AttendanceEntry> entries, IReadOnlyList<AttendanceSlot> slots, string? userId, string userName,
        CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var bySlot = slots.ToDictionary(s => (s.Case.Id, s.Date, s.ActivityType.Id));
        var changed = 0;
        var reported = new List<AttendanceSlot>();
        foreach (var entry in entries)
        {
            var slot = bySlot[(entry.CaseId, entry.Date, entry.ActivityTypeId)];
            // An imported whole-day row stays as it was; the activity gets its own registration.
            var registration = slot.Registration is { ActivityTypeId: not null } own ? own : null;
            var before = slot.Registration?.Status;
            if (registration is not null && registration.Status == entry.Status && registration.Reason == entry.Reason) continue;
            if (registration is null)
            {
                registration = new AttendanceDay { CaseId = entry.CaseId, Date = entry.Date, ActivityTypeId = entry.ActivityTypeId };
                db.AttendanceDays.Add(registration);
            }
            registration.Record(entry.Status, entry.Reason, userId, userName, now);
            if (entry.Status == AttendanceStatus.UnexcusedAbsence && before != AttendanceStatus.UnexcusedAbsence)
            {
                outbox.UnexcusedAbsence(slot.Case, entry.Date, slot.ActivityType);
                reported.Add(slot);
            }
            changed++;
        }
        if (changed > 0) await db.SaveChangesAsync(ct);
        return new AttendanceSaved(changed, reported);
    }
}
