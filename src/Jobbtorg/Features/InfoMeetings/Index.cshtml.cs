using System.Globalization;
using Jobbtorg.Calendar;
using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Organisation;
using Jobbtorg.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features.InfoMeetings;

/// <summary>The info meetings of a job centre week by week, its districts' weekly quotas and its waiting list.
/// Managers schedule meetings and set quotas here; coaches see their own centre.</summary>
[RequirePermission(Permission.ViewInfoMeetings)]
[Jobbtorg.Features.AccessLog.ShowsPersonalData]
public class IndexModel(JobbtorgDb db, ScheduleInfoMeetings schedule, SetDistrictQuota setQuota, CurrentUser user, Texts texts, TimeProvider clock)
    : PageModel
{
    public const int DefaultWeeks = 12;

    /// <summary>The job centre shown, by code.</summary>
    [BindProperty(SupportsGet = true)] public string? Centre { get; set; }
    /// <summary>The first day shown; the Monday of the current week when empty.</summary>
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public int Weeks { get; set; } = DefaultWeeks;

    [BindProperty] public MeetingRequest Meeting { get; set; } = new();
    [BindProperty] public List<QuotaInput> Quotas { get; set; } = [];

    public List<JobCentre> Centres { get; private set; } = [];
    public List<JobCentre> ManagedCentres { get; private set; } = [];
    public JobCentre? Selected { get; private set; }
    public bool MayManage { get; private set; }
    public DateOnly FirstDay { get; private set; }
    public DateOnly Today => clock.Today();
    public List<MeetingWeek> MeetingWeeks { get; private set; } = [];
    public List<QuotaRow> QuotaRows { get; private set; } = [];
    public DateOnly ThisWeek => WorkingDays.MondayOf(Today);
    public List<WaitingRow> Waiting { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync(HttpContext.RequestAborted);
        if (Selected is not null) Meeting = new MeetingRequest { JobCentre = Selected.Code, Kind = MeetingKind.Adult, Date = Today.AddDays(7), Time = new TimeOnly(9, 30) };
        return Page();
    }

    public async Task<IActionResult> OnPostScheduleAsync()
    {
        var ct = HttpContext.RequestAborted;
        if (!user.Holds(Permission.ManageInfoMeetings)) return Forbid();
        // A value that could not be read (a malformed number or date, a date out of range, a refused text) keeps the
        // binder's error and nothing is scheduled; the meeting's rules name what is wrong with the other fields.
        var unread = ModelState.Where(e => e.Value!.Errors.Count > 0).Select(e => e.Key).ToHashSet();
        var scheduling = unread.Count == 0
            ? await schedule.HandleAsync(Meeting, MayManageCentre, ct)
            : await schedule.CheckAsync(Meeting, MayManageCentre, ct);
        var created = scheduling.Meetings;
        if (unread.Count > 0 || scheduling.Broken.Count > 0)
        {
            ModelState.AddErrors(FieldErrors.From(scheduling.Broken), texts, nameof(Meeting), keepUnread: true);
            Centre ??= Meeting.JobCentre;
            await LoadAsync(ct);
            return Page();
        }
        TempData["Message"] = created.Count == 1
            ? texts.Format("1 meeting was scheduled, on {0}.", Texts.Instant(created[0].StartsAt))
            : texts.Format("{0} meetings were scheduled, weekly from {1} to {2}.", created.Count, Texts.Instant(created[0].StartsAt), Texts.Instant(created[^1].StartsAt));
        return RedirectToPage(new { centre = Meeting.JobCentre?.Trim().ToLowerInvariant() });
    }

    public async Task<IActionResult> OnPostQuotasAsync()
    {
        var ct = HttpContext.RequestAborted;
        if (!user.Holds(Permission.ManageInfoMeetings)) return Forbid();
        // A row whose district or kind could not be read (not one of the table's own values) is not applied to any row.
        var unreadRows = ModelState.Where(e => e.Value!.Errors.Count > 0 && e.Key.StartsWith($"{nameof(Quotas)}[", StringComparison.Ordinal))
            .Select(e => e.Key[(nameof(Quotas).Length + 1)..e.Key.IndexOf(']')]).ToHashSet();
        ModelState.Clear();
        await LoadAsync(ct);
        if (Selected is null) return Page();
        if (!MayManage) return Forbid();

        var waitingBefore = await db.InfoMeetingWaits.CountAsync(w => w.JobCentreId == Selected.Id, ct);
        var changed = 0;
        for (var i = 0; i < Quotas.Count; i++)
        {
            var input = Quotas[i];
            if (unreadRows.Contains(i.ToString(CultureInfo.InvariantCulture)))
            {
                ModelState.AddModelError("", texts["A row of the quota table could not be read; reload the page and try again."]);
                continue;
            }
            var row = QuotaRows.FirstOrDefault(r => r.District.Code == input.District && r.Kind == input.Kind);
            if (row is null) continue;
            row.Posted = input.PlacesPerWeek;
            // Errors are keyed by the row's place in the table, whatever order the rows were posted in.
            var field = row.Field;
            if (string.IsNullOrWhiteSpace(input.PlacesPerWeek))
            {
                if (row.PlacesPerWeek is not null) ModelState.AddModelError(field, texts["Enter the number of places a week."]);
                continue;
            }
            if (!int.TryParse(input.PlacesPerWeek.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var places))
            {
                ModelState.AddModelError(field, texts.Format("The weekly places are between {0} and {1}.", 0, 10_000));
                continue;
            }
            if (places == row.PlacesPerWeek) continue;
            try
            {
                await setQuota.HandleAsync(row.District, row.Kind, places, MayManageCentre, ct);
                changed++;
            }
            catch (RuleBrokenException rule)
            {
                ModelState.AddModelError(field, texts.Format(rule.Template, rule.Args));
            }
        }
        if (!ModelState.IsValid)
        {
            // Changes that were accepted stay saved; the refused ones are shown with their reasons.
            await LoadAsync(ct, keepPosted: true);
            return Page();
        }
        var booked = waitingBefore - await db.InfoMeetingWaits.CountAsync(w => w.JobCentreId == Selected.Id, ct);
        TempData["Message"] = changed == 0 ? texts["No quota was changed."]
            : booked > 0 ? texts.Count(booked, "The quotas are saved. {0} cases on the waiting list were booked on a meeting.")
            : texts["The quotas are saved."];
        return RedirectToPage(new { centre = Selected.Code });
    }

    private async Task LoadAsync(CancellationToken ct, bool keepPosted = false)
    {
        var all = await db.JobCentres.AsNoTracking().OrderBy(j => j.Name).ToListAsync(ct);
        Centres = all.Where(MayView).ToList();
        ManagedCentres = Centres.Where(j => MayManageCentre(j.Id)).ToList();
        Selected = Centres.FirstOrDefault(j => j.Code == Centre?.Trim().ToLowerInvariant())
                   ?? Centres.FirstOrDefault(j => j.Id == user.JobCentreId)
                   ?? Centres.FirstOrDefault();
        Weeks = Math.Clamp(Weeks, 1, 52);
        FirstDay = From ?? WorkingDays.MondayOf(Today);
        if (Selected is null) return;
        Centre = Selected.Code;
        MayManage = MayManageCentre(Selected.Id);

        var start = Clock.FromStockholm(FirstDay, TimeOnly.MinValue) ?? throw new InvalidOperationException();
        var end = Clock.FromStockholm(FirstDay.AddDays(7 * Weeks), TimeOnly.MinValue) ?? throw new InvalidOperationException();
        var meetings = await db.InfoMeetings.AsNoTracking()
            .Where(m => m.JobCentreId == Selected.Id && m.StartsAt >= start && m.StartsAt < end)
            .OrderBy(m => m.StartsAt).ThenBy(m => m.Id).ToListAsync(ct);
        MeetingWeeks = meetings.GroupBy(m => m.WeekStart).Select(g => new MeetingWeek(g.Key, g.ToList())).ToList();

        var posted = keepPosted ? QuotaRows.ToDictionary(r => (r.District.Code, r.Kind)) : [];
        var districts = await db.Districts.AsNoTracking()
            .Where(d => d.RetiredOn == null && (d.AdultJobCentreId == Selected.Id || d.YouthJobCentreId == Selected.Id))
            .OrderBy(d => d.Name).ToListAsync(ct);
        var ids = districts.Select(d => d.Id).ToList();
        var quotas = await db.DistrictQuotas.AsNoTracking().Where(q => ids.Contains(q.DistrictId)).ToListAsync(ct);
        var nextWeek = ThisWeek.AddDays(7);
        var thisWeek = ThisWeek;
        var usages = await db.QuotaUsages.AsNoTracking()
            .Where(u => ids.Contains(u.DistrictId) && (u.WeekStart == thisWeek || u.WeekStart == nextWeek)).ToListAsync(ct);
        QuotaRows = districts
            .SelectMany(d => Enum.GetValues<MeetingKind>().Where(k => d.ServingJobCentreId(k == MeetingKind.Youth) == Selected.Id)
                .Select(k => new QuotaRow(d, k,
                    quotas.FirstOrDefault(q => q.DistrictId == d.Id && q.Kind == k)?.PlacesPerWeek,
                    usages.FirstOrDefault(u => u.DistrictId == d.Id && u.Kind == k && u.WeekStart == thisWeek)?.Used ?? 0,
                    usages.FirstOrDefault(u => u.DistrictId == d.Id && u.Kind == k && u.WeekStart == nextWeek)?.Used ?? 0)))
            .OrderBy(r => r.Kind).ThenBy(r => r.District.Name).ToList();
        for (var i = 0; i < QuotaRows.Count; i++)
        {
            var row = QuotaRows[i];
            row.Field = $"{nameof(Quotas)}[{i}].{nameof(QuotaInput.PlacesPerWeek)}";
            if (posted.TryGetValue((row.District.Code, row.Kind), out var before)) row.Posted = before.Posted; // keep what was typed
        }

        var waiting = await db.InfoMeetingWaits.AsNoTracking().WaitingList(Selected.Id, null)
            .Select(w => new { w.CaseId, w.Case.CaseRef, District = w.Case.District.Name, w.Kind, w.Since, w.Case.ReferralDate, w.Case.HasChildren, w.Case.NewlyUnemployed })
            .ToListAsync(ct);
        Waiting = waiting.Select((w, i) => new WaitingRow(i + 1, w.CaseId, w.CaseRef, w.District, w.Kind, w.Since, w.ReferralDate, w.HasChildren, w.NewlyUnemployed))
            .ToList();
    }

    /// <summary>Administrators and city-wide managers see every centre, a manager their own and its branches, a coach their own.</summary>
    private bool MayView(JobCentre centre) => MayManageCentre(centre.Id) || centre.Id == user.JobCentreId;

    /// <summary>Managers run their own centre's meetings (and its branches'); a city-wide manager or an administrator all.</summary>
    private bool MayManageCentre(int jobCentreId) => user.MayAtCentre(Permission.ManageInfoMeetings, jobCentreId);

    public string Query(string? centre = null, DateOnly? from = null, int? weeks = null)
    {
        var parts = new List<string> { $"centre={Uri.EscapeDataString(centre ?? Selected?.Code ?? "")}" };
        if ((from ?? From) is { } f) parts.Add($"from={Texts.Date(f)}");
        var w = weeks ?? Weeks;
        if (w != DefaultWeeks) parts.Add($"weeks={w}");
        return "?" + string.Join("&", parts);
    }

    public sealed record MeetingWeek(DateOnly Monday, List<InfoMeeting> Meetings)
    {
        public DateOnly Sunday => Monday.AddDays(6);
    }

    public sealed record WaitingRow(int Position, int CaseId, string CaseRef, string District, MeetingKind Kind, DateTimeOffset Since,
        DateOnly ReferralDate, bool HasChildren, bool NewlyUnemployed);

    public sealed class QuotaRow(District district, MeetingKind kind, int? placesPerWeek, int usedThisWeek, int usedNextWeek)
    {
        public District District { get; } = district;
        public MeetingKind Kind { get; } = kind;
        public int? PlacesPerWeek { get; } = placesPerWeek;
        public int UsedThisWeek { get; } = usedThisWeek;
        public int UsedNextWeek { get; } = usedNextWeek;
        /// <summary>What the manager typed, shown again when the form is refused.</summary>
        public string? Posted { get; set; }
        public string Field { get; set; } = "";
        public string Value => Posted ?? PlacesPerWeek?.ToString(CultureInfo.InvariantCulture) ?? "";
    }

    public sealed class QuotaInput
    {
        public string? District { get; set; }
        public MeetingKind Kind { get; set; }
        public string? PlacesPerWeek { get; set; }
    }
}
