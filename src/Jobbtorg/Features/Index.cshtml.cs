using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.InfoMeetings;
using Jobbtorg.Features.Organisation;
using Jobbtorg.Features.Shared;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features;

public enum Need { PlanOverdue, PlanDueToday, ReviewOverdue, PlanDue, ReviewDue, NewlyEnrolled, Paused }

public sealed record CaseTask(Case Case, IReadOnlyList<Need> Needs, DateOnly? DueDate);

/// <summary>The start page: what needs doing today, by role.</summary>
public class MyWorkModel(JobbtorgDb db, CaseAccess access, CurrentUser user, TimeProvider clock, Caseloads caseloads,
    FindNextFreeTime findNextFreeTime, Attendance.AttendanceRegister attendance) : PageModel
{
    public const int ReviewWarningDays = 14;

    public DateOnly Today { get; private set; }
    public List<CaseTask> MyCases { get; private set; } = [];
    public List<Case> AwaitingEnrolment { get; private set; } = [];
    public List<Case> DistrictCases { get; private set; } = [];
    public List<CaseTask> OverduePlans { get; private set; } = [];
    public List<CoachLoad> CoachLoads { get; private set; } = [];
    public Dictionary<CaseStatus, int> StatusCounts { get; private set; } = [];
    /// <summary>What a case worker tells the person on the phone: when the district's next free meeting is.</summary>
    public List<(MeetingKind Kind, NextFreeTime? Next)> NextFree { get; private set; } = [];
    public List<InfoMeetingBooking> RecentNoShows { get; private set; } = [];
    public int UnreadMessages { get; private set; }
    /// <summary>Required days before today that nobody registered: flagged from the next working morning until registered.</summary>
    public List<Attendance.AttendanceSlot> AttendanceNotRegistered { get; private set; } = [];
    public const int NotRegisteredLookBackDays = 14;

    public async Task OnGetAsync()
    {
        Today = clock.Today();
        var ct = HttpContext.RequestAborted;
        var visible = (await access.VisibleCasesAsync(ct))
            .Include(c => c.Participant).Include(c => c.District).Include(c => c.JobCentre).Include(c => c.Coach);

        if (user.IsInRole(Roles.Coach))
        {
            var mine = await visible.Include(c => c.Plans).Where(c => c.CoachId == user.Id && c.Status != CaseStatus.Closed).AsSplitQuery().ToListAsync(ct);
            MyCases = mine.Select(TaskFor).OrderBy(t => t.Needs.Count == 0 ? 1 : 0).ThenBy(t => t.Needs.Count == 0 ? Need.Paused : t.Needs.Min())
                .ThenBy(t => t.DueDate ?? DateOnly.MaxValue).ToList();
        }
        if (user.IsInRole(Roles.Coach) || user.IsInRole(Roles.Manager))
        {
            var cases = await access.VisibleCasesAsync(ct);
            if (user.IsInRole(Roles.Coach)) cases = cases.Where(c => c.CoachId == user.Id);
            AttendanceNotRegistered = (await attendance.SlotsAsync(cases, Today.AddDays(-NotRegisteredLookBackDays), Today.AddDays(-1), ct: ct))
                .Where(s => !s.IsRegistered).OrderBy(s => s.Date).ThenBy(s => s.Case.Participant.DisplayName).ToList();
        }
        if (user.IsInRole(Roles.Coach) || user.IsInRole(Roles.Manager))
            AwaitingEnrolment = await visible.Where(c => c.Status == CaseStatus.Referred).OrderBy(c => c.ReferralDate).Take(100).ToListAsync(ct);
        if (user.IsInRole(Roles.CaseWorker))
        {
            var since = Today.AddDays(-90);
            UnreadMessages = await db.DistrictMessages.CountAsync(m => m.DistrictId == user.DistrictId && m.ReadAt == null, ct);
            if (user.DistrictId is { } districtId && await db.Districts.FindAsync([districtId], ct) is { } district)
                foreach (var kind in Enum.GetValues<MeetingKind>())
                    NextFree.Add((kind, await findNextFreeTime.HandleAsync(district, kind, ct)));
            var noShowsSince = clock.GetUtcNow().AddDays(-30);
            RecentNoShows = await db.InfoMeetingBookings.Include(b => b.Case).ThenInclude(c => c.Participant).Include(b => b.Meeting)
                .Where(b => b.Status == BookingStatus.NoShow && b.Case.DistrictId == user.DistrictId && b.Meeting.StartsAt >= noShowsSince)
                .OrderByDescending(b => b.Meeting.StartsAt).Take(50).ToListAsync(ct);
            DistrictCases = await visible.Include(c => c.Plans)
                .Where(c => c.Status != CaseStatus.Closed || c.ClosureDate >= since)
                .OrderByDescending(c => c.ReferralDate).Take(300).AsSplitQuery().ToListAsync(ct);
        }
        if (user.IsInRole(Roles.Manager) || user.IsInRole(Roles.Administrator))
        {
            var open = await visible.Include(c => c.Plans).Where(c => c.Status == CaseStatus.Enrolled || c.Status == CaseStatus.Paused)
                .Where(c => c.FirstPlanAgreedOn == null).AsSplitQuery().ToListAsync(ct);
            OverduePlans = open.Select(TaskFor).Where(t => t.Needs.Contains(Need.PlanOverdue)).OrderBy(t => t.DueDate).ToList();
            if (user.JobCentreId is { } centre) CoachLoads = await caseloads.AtCentreAsync(centre, ct);
        }
        if (user.IsInRole(Roles.Analyst) || user.IsInRole(Roles.Manager) || user.IsInRole(Roles.Administrator))
        {
            var all = user.IsInRole(Roles.Analyst) ? db.Cases.AsQueryable() : await access.VisibleCasesAsync(ct);
            StatusCounts = await all.GroupBy(c => c.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        }
    }

    private CaseTask TaskFor(Case c)
    {
        var needs = new List<Need>();
        DateOnly? due = null;
        if (c.FirstPlanAgreedOn is null && c.JobGuaranteeDeadline is { } deadline)
        {
            due = deadline;
            needs.Add(deadline < Today ? Need.PlanOverdue : deadline == Today ? Need.PlanDueToday : Need.PlanDue);
        }
        if (c.PlanReviewDue is { } review && review <= Today.AddDays(ReviewWarningDays))
        {
            due ??= review;
            needs.Add(review < Today ? Need.ReviewOverdue : Need.ReviewDue);
        }
        if (c.EnrolmentDate >= Today.AddDays(-7)) needs.Add(Need.NewlyEnrolled);
        if (c.Status == CaseStatus.Paused) needs.Add(Need.Paused);
        return new CaseTask(c, needs, due);
    }
}
