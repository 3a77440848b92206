using Jobbtorg.Calendar;
using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.DistrictMessages;
using Jobbtorg.Features.Organisation;
using Jobbtorg.Features.Shared;
using Jobbtorg.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Jobbtorg.Features.InfoMeetings;

public sealed class InfoMeetingOptions
{
    /// <summary>How far ahead a case is booked automatically; beyond it the case waits on the waiting list.</summary>
    public int BookingHorizonWeeks { get; set; } = 8;
    /// <summary>An automatic booking leaves the person at least this much notice.</summary>
    public int MinimumNoticeHours { get; set; } = 24;
    /// <summary>How often the waiting lists are served as meetings come within the horizon; zero turns it off.</summary>
    public TimeSpan ServeWaitingListsEvery { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>A meeting to schedule; Weeks &gt; 1 repeats it on the same weekday and time.</summary>
public sealed record MeetingRequest
{
    [ApiRequired] public string? JobCentre { get; init; }
    [ApiRequired] public MeetingKind? Kind { get; init; }
    /// <summary>The (first) date, in Stockholm.</summary>
    [ApiRequired] public DateOnly? Date { get; init; }
    /// <summary>Start time in Stockholm.</summary>
    [ApiRequired] public TimeOnly? Time { get; init; }
    public int? DurationMinutes { get; init; } = 90;
    [ApiRequired] public string? Room { get; init; }
    [ApiRequired] public int? Capacity { get; init; }
    public string? Language { get; init; } = "svenska";
    public int? Weeks { get; init; } = 1;
}

/// <summary>Where a case stands: booked on a meeting, or waiting for a place.</summary>
public sealed record BookingState(InfoMeetingBooking? Booking, InfoMeetingWait? Wait)
{
    public static readonly BookingState None = new(null, null);
}

/// <summary>The earliest meeting a district can book for a kind of meeting now.</summary>
public sealed record NextFreeTime(int MeetingId, DateTimeOffset StartsAt, string JobCentre, int FreeSeats, int? QuotaLeft);

/// <summary>
/// Books cases on info meetings. A seat and a place of the district's weekly quota are each taken by a guarded
/// UPDATE (… SET n = n + 1 WHERE n &lt; limit) inside one transaction, so on SQLite and PostgreSQL alike a seat is
/// never sold twice and a quota never exceeded. The quota is always taken before the seat: waits then only
/// ever form in one order and two bookings cannot deadlock each other.
/// </summary>
public sealed class InfoMeetingDesk(JobbtorgDb db, TimeProvider clock, IOptions<JobbtorgOptions> options, CurrentUser user,
    DistrictOutbox outbox, ILogger<InfoMeetingDesk> log)
{
    private InfoMeetingOptions Options => options.Value.InfoMeetings;
    private string Who => user.Name is { Length: > 0 } name ? name : "system";

    /// <summary>Youth meetings are for people aged 16–24 on the referral date, the others go to adult meetings.</summary>
    public static MeetingKind KindFor(Case c) =>
        PersonalNumber.TryParse(c.Participant.PersonalNumber, c.ReferralDate, out var number, out _)
        && number.AgeOn(c.ReferralDate) is >= 16 and <= 24 ? MeetingKind.Youth : MeetingKind.Adult;

    public async Task<BookingState> StateAsync(int caseId, CancellationToken ct = default) => new(
        await db.InfoMeetingBookings.Include(b => b.Meeting).ThenInclude(m => m.JobCentre)
            .Where(b => b.CaseId == caseId).OrderByDescending(b => b.Id).FirstOrDefaultAsync(ct),
        await db.InfoMeetingWaits.FirstOrDefaultAsync(w => w.CaseId == caseId, ct));

    /// <summary>Books a referred case on the earliest meeting with a free seat in a week where its district has
    /// quota left; when there is none within the horizon the case joins the waiting list.</summary>
    public Task<BookingState> BookAutomaticallyAsync(int caseId, CancellationToken ct = default) =>
        BookAsync(caseId, meetingId: null, excludedMeetingId: null, ct);

    /// <summary>Books a case on the meeting a case worker or coach chose. A full meeting or a used-up quota
    /// refuses with the reason; a booking the case already had is given up only when the new one succeeds.</summary>
    public Task<BookingState> BookOnAsync(int caseId, int meetingId, CancellationToken ct = default) =>
        BookAsync(caseId, meetingId, excludedMeetingId: null, ct);

    private async Task<BookingState> BookAsync(int caseId, int? meetingId, int? excludedMeetingId, CancellationToken ct)
    {
        var state = await InTransactionAsync(async () =>
        {
            var c = await db.Cases.Include(x => x.Participant).Include(x => x.District).FirstOrDefaultAsync(x => x.Id == caseId, ct)
                ?? throw new RuleBrokenException("There is no such case.");
            if (!c.IsOpen) throw new RuleBrokenException("The case is closed.");
            if (c.IsEnrolled) throw new RuleBrokenException("The case is already enrolled and needs no info meeting.");
            var kind = KindFor(c);
            var current = await db.InfoMeetingBookings.Include(b => b.Meeting).FirstOrDefaultAsync(b => b.ActiveCaseId == caseId, ct);
            if (current is not null && (meetingId is null || current.InfoMeetingId == meetingId))
                return new BookingState(current, null);

            var now = clock.GetUtcNow();
            List<InfoMeeting> candidates;
            if (meetingId is { } chosenId)
            {
                var chosen = await db.InfoMeetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == chosenId, ct)
                    ?? throw new RuleBrokenException("There is no such info meeting.");
                if (chosen.IsCancelled) throw new RuleBrokenException("The meeting has been cancelled.");
                if (chosen.StartsAt <= now) throw new RuleBrokenException("The meeting has already started.");
                if (chosen.JobCentreId != c.JobCentreId) throw new RuleBrokenException("The meeting is at another job centre than the case's.");
                // Refused at once, without queueing on the district's quota row behind other bookings.
                if (chosen.FreeSeats == 0) throw new RuleBrokenException("The meeting is full.");
                if (chosen.Kind != kind)
                    throw new RuleBrokenException(kind == MeetingKind.Youth ? "The person is 16–24 and goes to a youth meeting." : "The person goes to an adult meeting.");
                candidates = [chosen];
            }
            else
            {
                candidates = await OpenMeetings(c.JobCentreId, kind).AsNoTracking().Where(m => m.Id != excludedMeetingId)
                    .OrderBy(m => m.StartsAt).ThenBy(m => m.Id).ToListAsync(ct);
            }

            if (current is not null) await ReleaseAsync(current, BookingStatus.Cancelled, c.DistrictId, ct);
            var quota = await QuotaAsync(c.DistrictId, kind, ct);
            var weeksWithoutQuota = new HashSet<DateOnly>();
            foreach (var meeting in candidates)
            {
                if (weeksWithoutQuota.Contains(meeting.WeekStart)) continue;
                if (!await TakeQuotaAsync(c.DistrictId, kind, meeting.WeekStart, quota, ct))
                {
                    if (meetingId is not null)
                        throw new RuleBrokenException("{0} has used all its {1} places for the week of {2}.", c.District.Name, quota!, meeting.WeekStart);
                    weeksWithoutQuota.Add(meeting.WeekStart);
                    continue;
                }
                if (!await TakeSeatAsync(meeting.Id, ct))
                {
                    await GiveBackQuotaAsync(c.DistrictId, kind, meeting.WeekStart, ct);
                    if (meetingId is not null) throw new RuleBrokenException("The meeting is full.");
                    continue;
                }
                var booking = db.InfoMeetingBookings.Add(new InfoMeetingBooking
                {
                    InfoMeetingId = meeting.Id, CaseId = c.Id, ActiveCaseId = c.Id, Status = BookingStatus.Booked,
                    ChosenByHand = meetingId is not null, BookedAt = now, BookedBy = Who,
                }).Entity;
                await db.InfoMeetingWaits.Where(w => w.CaseId == c.Id).ExecuteDeleteAsync(ct);
                await db.SaveChangesAsync(ct);
                return new BookingState(booking, null);
            }

            // Nothing free within the horizon: the case waits its turn.
            var wait = await db.InfoMeetingWaits.FirstOrDefaultAsync(w => w.CaseId == c.Id, ct);
            if (wait is null)
            {
                wait = db.InfoMeetingWaits.Add(new InfoMeetingWait
                {
                    CaseId = c.Id, JobCentreId = c.JobCentreId, DistrictId = c.DistrictId, Kind = kind, Since = now,
                }).Entity;
                await db.SaveChangesAsync(ct);
            }
            return new BookingState(null, wait);
        }, ct);
        return await WithMeetingAsync(state, ct);
    }

    /// <summary>Schedules a meeting, or the same meeting weekly for a number of weeks, then serves the waiting list.
    /// Errors name the field in the user's language; nothing is stored when there is one.</summary>
    public async Task<(List<InfoMeeting> Created, Dictionary<string, string[]> Errors)> ScheduleAsync(MeetingRequest request, Texts texts,
        CancellationToken ct = default)
    {
        var (centre, starts, errors) = await ReadScheduleAsync(request, texts, ct);
        if (errors.Count > 0) return ([], errors);

        var series = request.Weeks > 1 ? Guid.NewGuid() : (Guid?)null;
        var created = starts.Select(start => new InfoMeeting
        {
            JobCentreId = centre!.Id, Kind = request.Kind!.Value, StartsAt = start, DurationMinutes = request.DurationMinutes!.Value,
            Room = request.Room!.Trim(), Capacity = request.Capacity!.Value, Language = request.Language!.Trim(), SeriesId = series,
            WeekStart = WorkingDays.MondayOf(DateOnly.FromDateTime(start.ToStockholm().DateTime)), CreatedBy = Who,
        }).ToList();
        db.InfoMeetings.AddRange(created);
        await db.SaveChangesAsync(ct);
        log.LogInformation("{Count} info meetings scheduled at centre {JobCentreId}", created.Count, centre!.Id);
        await ServeWaitingListAsync(centre.Id, request.Kind!.Value, ct);
        return (created, errors);
    }

    /// <summary>What <see cref="ScheduleAsync"/> would refuse, without scheduling anything.</summary>
    public async Task<Dictionary<string, string[]>> CheckScheduleAsync(MeetingRequest request, Texts texts, CancellationToken ct = default) =>
        (await ReadScheduleAsync(request, texts, ct)).Errors;

    private async Task<(JobCentre? Centre, List<DateTimeOffset> Starts, Dictionary<string, string[]> Errors)> ReadScheduleAsync(MeetingRequest request,
        Texts texts, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        void Error(string field, string message, params object[] args) => errors[field] = [texts.Format(message, args)];

        var centre = string.IsNullOrWhiteSpace(request.JobCentre) || Input.TextProblem(request.JobCentre) is not null ? null
            : await db.JobCentres.FirstOrDefaultAsync(j => j.Code == request.JobCentre.Trim().ToLower(), ct);
        if (string.IsNullOrWhiteSpace(request.JobCentre)) Error(nameof(request.JobCentre), "Choose the job centre.");
        else if (centre is null) Error(nameof(request.JobCentre), "There is no job centre with the code '{0}'.", request.JobCentre);
        else if (!MayManage(centre.Id)) Error(nameof(request.JobCentre), "You may only schedule meetings at your own job centre.");
        if (request.Kind is null) Error(nameof(request.Kind), "Choose adult or youth meeting.");
        if (request.Date is null) Error(nameof(request.Date), "Enter the date of the meeting.");
        if (request.Time is null) Error(nameof(request.Time), "Enter the time the meeting starts.");
        if (request.DurationMinutes is not (>= 15 and <= 480)) Error(nameof(request.DurationMinutes), "The meeting lasts between {0} and {1} minutes.", 15, 480);
        if (string.IsNullOrWhiteSpace(request.Room)) Error(nameof(request.Room), "Enter the room.");
        else if (request.Room.Length > 100) Error(nameof(request.Room), "The room may be at most {0} characters.", 100);
        if (request.Capacity is not (>= 1 and <= InfoMeeting.MaxCapacity)) Error(nameof(request.Capacity), "The number of seats is between {0} and {1}.", 1, InfoMeeting.MaxCapacity);
        if (string.IsNullOrWhiteSpace(request.Language)) Error(nameof(request.Language), "Enter the language of the meeting.");
        else if (request.Language.Length > 60) Error(nameof(request.Language), "The language may be at most {0} characters.", 60);
        if (request.Weeks is not (>= 1 and <= 52)) Error(nameof(request.Weeks), "A weekly recurrence covers 1 to {0} weeks.", 52);
        foreach (var (field, text) in new[] { (nameof(request.JobCentre), request.JobCentre), (nameof(request.Room), request.Room), (nameof(request.Language), request.Language) })
            if (Input.TextProblem(text) is { } problem) errors[field] = [texts[problem]];
        // The whole series lies in the time a meeting may be planned: from now to two years ahead.
        var today = clock.Today();
        var outOfTime = request is { Date: { } first, Weeks: >= 1 and <= 52 }
            ? Dates.PlannedProblem(first, today) ?? Dates.PlannedProblem(Dates.PlusDays(first, 7 * (request.Weeks.Value - 1)), today)
            : null;
        if (outOfTime is not null) Error(nameof(request.Date), outOfTime.Template, outOfTime.Args);

        var starts = new List<DateTimeOffset>();
        if (outOfTime is null && request is { Date: { } date, Time: { } time, Weeks: >= 1 and <= 52 })
        {
            for (var week = 0; week < request.Weeks; week++)
            {
                var day = date.AddDays(7 * week);
                if (Clock.FromStockholm(day, time) is { } start) starts.Add(start);
                else Error(nameof(request.Time), "{0} {1} does not exist in Swedish time (the clocks are put forward).", day, time);
            }
            if (starts.Count > 0 && starts[0] <= clock.GetUtcNow()) Error(nameof(request.Date), "The meeting must start in the future.");
        }
        return (centre, starts, errors);
    }

    /// <summary>Sets a district's weekly places for a kind of meeting; a raised quota serves the waiting list.</summary>
    public async Task SetQuotaAsync(District district, MeetingKind kind, int placesPerWeek, CancellationToken ct = default)
    {
        if (placesPerWeek is < 0 or > 10_000) throw new RuleBrokenException("The weekly places are between {0} and {1}.", 0, 10_000);
        var centreId = district.ServingJobCentreId(kind == MeetingKind.Youth);
        if (!MayManage(centreId)) throw new RuleBrokenException("You may only set the quotas of districts your job centre serves.");
        var quota = await db.DistrictQuotas.FirstOrDefaultAsync(q => q.DistrictId == district.Id && q.Kind == kind, ct);
        if (quota is null) db.DistrictQuotas.Add(new DistrictQuota { DistrictId = district.Id, Kind = kind, PlacesPerWeek = placesPerWeek });
        else quota.PlacesPerWeek = placesPerWeek;
        await db.SaveChangesAsync(ct);
        log.LogInformation("Quota of district {DistrictId} for {Kind} meetings set to {Places} a week", district.Id, kind, placesPerWeek);
        await ServeWaitingListAsync(centreId, kind, ct);
    }

    /// <summary>Managers run their own centre's meetings (and its branches'); a city-wide manager or an administrator all.</summary>
    public bool MayManage(int jobCentreId) => user.MayAtCentre(Permission.ManageInfoMeetings, jobCentreId);

    /// <summary>Coaches and managers of the meeting's centre record who came.</summary>
    public bool MayRecordAttendance(int jobCentreId) => user.MayAtCentre(Permission.RecordInfoMeetingAttendance, jobCentreId);

    /// <summary>Records what happened at the meeting. Attended opens the way to enrolment; a no-show is kept and the
    /// case is booked again; a cancellation frees the seat, books the case again and serves the waiting list.</summary>
    public async Task<BookingState> RecordOutcomeAsync(int bookingId, BookingStatus outcome, CancellationToken ct = default)
    {
        if (outcome == BookingStatus.Booked) throw new RuleBrokenException("Choose attended, no-show or cancelled.");
        var (caseId, meeting) = await InTransactionAsync(async () =>
        {
            var booking = await db.InfoMeetingBookings.Include(b => b.Meeting).ThenInclude(m => m.JobCentre).Include(b => b.Case).ThenInclude(c => c.District)
                .FirstOrDefaultAsync(b => b.Id == bookingId, ct) ?? throw new RuleBrokenException("There is no such booking.");
            if (booking.Status != BookingStatus.Booked)
                throw new RuleBrokenException("The booking already has an outcome.");
            var meetingDay = DateOnly.FromDateTime(booking.Meeting.LocalStart.DateTime);
            if (outcome != BookingStatus.Cancelled && meetingDay > clock.Today())
                throw new RuleBrokenException("Attendance can be recorded from the day of the meeting, {0}.", meetingDay);

            if (outcome == BookingStatus.Cancelled)
                await ReleaseAsync(booking, BookingStatus.Cancelled, booking.Case.DistrictId, ct);
            else
            {
                booking.Status = outcome;
                booking.ActiveCaseId = null;
                db.InfoMeetingOutcomes.Add(new InfoMeetingOutcome { CaseId = booking.CaseId, Date = meetingDay, Attended = outcome == BookingStatus.Attended });
                // The district hears of a no-show in the same transaction that records it.
                if (outcome == BookingStatus.NoShow) outbox.InfoMeetingNoShow(booking.Case, booking.Meeting);
            }
            booking.OutcomeAt = clock.GetUtcNow();
            booking.OutcomeBy = Who;
            await db.SaveChangesAsync(ct);
            return (booking.CaseId, booking.Meeting);
        }, ct);
        log.LogInformation("Info meeting {MeetingId}: booking {BookingId} recorded as {Outcome}", meeting.Id, bookingId, outcome);

        if (outcome == BookingStatus.Attended) return await StateAsync(caseId, ct);
        // The freed seat goes to those already waiting; the person who gave it up is booked on another meeting.
        if (outcome == BookingStatus.Cancelled) await ServeWaitingListAsync(meeting.JobCentreId, meeting.Kind, ct);
        return await BookAsync(caseId, meetingId: null, excludedMeetingId: meeting.Id, ct);
    }

    /// <summary>Gives up a case's place when it no longer needs one (enrolled or closed): a seat on a meeting that
    /// has not started is freed for the next person, and the case leaves the waiting list.</summary>
    public async Task ReleaseCaseAsync(int caseId, CancellationToken ct = default)
    {
        var freed = await InTransactionAsync(async () =>
        {
            await db.InfoMeetingWaits.Where(w => w.CaseId == caseId).ExecuteDeleteAsync(ct);
            var booking = await db.InfoMeetingBookings.Include(b => b.Meeting).Include(b => b.Case)
                .FirstOrDefaultAsync(b => b.ActiveCaseId == caseId, ct);
            if (booking is null || booking.Meeting.StartsAt <= clock.GetUtcNow()) return null;
            await ReleaseAsync(booking, BookingStatus.Cancelled, booking.Case.DistrictId, ct);
            booking.OutcomeAt = clock.GetUtcNow();
            booking.OutcomeBy = Who;
            await db.SaveChangesAsync(ct);
            return booking.Meeting;
        }, ct);
        if (freed is not null) await ServeWaitingListAsync(freed.JobCentreId, freed.Kind, ct);
    }

    /// <summary>Books waiting cases in priority order (youth, people with children, newly unemployed, earliest
    /// referral) while meetings with free seats remain. Returns how many were booked.</summary>
    public async Task<int> ServeWaitingListAsync(int jobCentreId, MeetingKind kind, CancellationToken ct = default)
    {
        var booked = 0;
        foreach (var caseId in await WaitingCases(jobCentreId, kind).Select(w => w.CaseId).ToListAsync(ct))
        {
            if (!await AnyFreeSeatAsync(jobCentreId, kind, ct)) break;
            try
            {
                if ((await BookAutomaticallyAsync(caseId, ct)).Booking is not null) booked++;
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
    public async Task ServeAllWaitingListsAsync(CancellationToken ct = default)
    {
        var lists = await db.InfoMeetingWaits.Select(w => new { w.JobCentreId, w.Kind }).Distinct().ToListAsync(ct);
        foreach (var list in lists) await ServeWaitingListAsync(list.JobCentreId, list.Kind, ct);
    }

    /// <summary>The waiting list in the order it is served.</summary>
    public IQueryable<InfoMeetingWait> WaitingCases(int? jobCentreId, MeetingKind? kind) =>
        db.InfoMeetingWaits
            .Where(w => (jobCentreId == null || w.JobCentreId == jobCentreId) && (kind == null || w.Kind == kind))
            .OrderByDescending(w => w.Kind == MeetingKind.Youth)
            .ThenByDescending(w => w.Case.HasChildren)
            .ThenByDescending(w => w.Case.NewlyUnemployed)
            .ThenBy(w => w.Case.ReferralDate)
            .ThenBy(w => w.CaseId);

    /// <summary>The earliest meeting the district could book for the kind now, or null when none lies within the
    /// horizon: what a case worker tells the person on the phone.</summary>
    public async Task<NextFreeTime?> NextFreeAsync(District district, MeetingKind kind, CancellationToken ct = default)
    {
        var centreId = district.ServingJobCentreId(kind == MeetingKind.Youth);
        var meetings = await OpenMeetings(centreId, kind).AsNoTracking().Include(m => m.JobCentre)
            .OrderBy(m => m.StartsAt).ThenBy(m => m.Id).ToListAsync(ct);
        if (meetings.Count == 0) return null;
        var quota = await QuotaAsync(district.Id, kind, ct);
        var used = await db.QuotaUsages.Where(u => u.DistrictId == district.Id && u.Kind == kind)
            .ToDictionaryAsync(u => u.WeekStart, u => u.Used, ct);
        foreach (var m in meetings)
        {
            int? left = quota is null ? null : quota.Value - used.GetValueOrDefault(m.WeekStart);
            if (left is null or > 0) return new NextFreeTime(m.Id, m.StartsAt, m.JobCentre.Name, m.FreeSeats, left);
        }
        return null;
    }

    /// <summary>Cancels a meeting: every booked case is booked again, in waiting-list priority order.</summary>
    public async Task CancelMeetingAsync(int meetingId, CancellationToken ct = default)
    {
        var (meeting, caseIds) = await InTransactionAsync(async () =>
        {
            var m = await db.InfoMeetings.FirstOrDefaultAsync(x => x.Id == meetingId, ct) ?? throw new RuleBrokenException("There is no such info meeting.");
            if (m.IsCancelled) throw new RuleBrokenException("The meeting has been cancelled.");
            if (m.StartsAt <= clock.GetUtcNow()) throw new RuleBrokenException("The meeting has already started.");
            m.CancelledAt = clock.GetUtcNow();
            var bookings = await db.InfoMeetingBookings.Include(b => b.Case)
                .Where(b => b.InfoMeetingId == meetingId && b.Status == BookingStatus.Booked)
                .OrderByDescending(b => b.Case.HasChildren).ThenByDescending(b => b.Case.NewlyUnemployed).ThenBy(b => b.Case.ReferralDate)
                .ToListAsync(ct);
            foreach (var b in bookings)
            {
                await ReleaseAsync(b, BookingStatus.Cancelled, b.Case.DistrictId, ct);
                b.OutcomeAt = clock.GetUtcNow();
                b.OutcomeBy = Who;
            }
            await db.SaveChangesAsync(ct);
            return (m, bookings.Select(b => b.CaseId).ToList());
        }, ct);
        log.LogInformation("Info meeting {MeetingId} cancelled; {Count} cases to book again", meetingId, caseIds.Count);
        foreach (var caseId in caseIds) await BookAsync(caseId, null, meetingId, ct);
    }

    /// <summary>Meetings of the kind at the centre that an automatic booking may use now.</summary>
    private IQueryable<InfoMeeting> OpenMeetings(int jobCentreId, MeetingKind kind)
    {
        var now = clock.GetUtcNow();
        var from = now.AddHours(Options.MinimumNoticeHours);
        var until = now.AddDays(7 * Options.BookingHorizonWeeks);
        return db.InfoMeetings.Where(m => m.JobCentreId == jobCentreId && m.Kind == kind && m.CancelledAt == null
                                         && m.StartsAt >= from && m.StartsAt < until && m.BookedSeats < m.Capacity);
    }

    private Task<bool> AnyFreeSeatAsync(int jobCentreId, MeetingKind kind, CancellationToken ct) => OpenMeetings(jobCentreId, kind).AnyAsync(ct);

    private Task<int?> QuotaAsync(int districtId, MeetingKind kind, CancellationToken ct) =>
        db.DistrictQuotas.Where(q => q.DistrictId == districtId && q.Kind == kind).Select(q => (int?)q.PlacesPerWeek).FirstOrDefaultAsync(ct);

    /// <summary>A district without a quota for the kind is limited only by the seats.</summary>
    private async Task<bool> TakeQuotaAsync(int districtId, MeetingKind kind, DateOnly week, int? quota, CancellationToken ct)
    {
        if (quota is null) return true;
        var kindName = kind.ToString();
        await db.Database.ExecuteSqlAsync(
            $"""INSERT INTO "QuotaUsages" ("DistrictId", "Kind", "WeekStart", "Used") VALUES ({districtId}, {kindName}, {week}, 0) ON CONFLICT DO NOTHING""", ct);
        return await db.QuotaUsages.Where(u => u.DistrictId == districtId && u.Kind == kind && u.WeekStart == week && u.Used < quota)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.Used, u => u.Used + 1), ct) == 1;
    }

    private Task GiveBackQuotaAsync(int districtId, MeetingKind kind, DateOnly week, CancellationToken ct) =>
        db.QuotaUsages.Where(u => u.DistrictId == districtId && u.Kind == kind && u.WeekStart == week && u.Used > 0)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.Used, u => u.Used - 1), ct);

    private async Task<bool> TakeSeatAsync(int meetingId, CancellationToken ct) =>
        await db.InfoMeetings.Where(m => m.Id == meetingId && m.CancelledAt == null && m.BookedSeats < m.Capacity)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.BookedSeats, m => m.BookedSeats + 1), ct) == 1;

    /// <summary>Ends a standing booking and gives its seat and quota place back.</summary>
    private async Task ReleaseAsync(InfoMeetingBooking booking, BookingStatus status, int districtId, CancellationToken ct)
    {
        booking.Status = status;
        booking.ActiveCaseId = null;
        await db.SaveChangesAsync(ct);
        await db.InfoMeetings.Where(m => m.Id == booking.InfoMeetingId && m.BookedSeats > 0)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.BookedSeats, m => m.BookedSeats - 1), ct);
        await GiveBackQuotaAsync(districtId, booking.Meeting.Kind, booking.Meeting.WeekStart, ct);
    }

    private async Task<BookingState> WithMeetingAsync(BookingState state, CancellationToken ct)
    {
        if (state.Booking is { } b)
        {
            db.ChangeTracker.Clear();
            return new BookingState(await db.InfoMeetingBookings.AsNoTracking().Include(x => x.Meeting).ThenInclude(m => m.JobCentre)
                .FirstAsync(x => x.Id == b.Id, ct), null);
        }
        return state;
    }

    /// <summary>Runs the work in a transaction, again from the start when the database chose it as the loser of a
    /// race (a deadlock, a busy SQLite file, or a unique index another booking of the same case won).</summary>
    private async Task<T> InTransactionAsync<T>(Func<Task<T>> work, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            try
            {
                var result = await work();
                await transaction.CommitAsync(ct);
                return result;
            }
            catch (Exception e) when (attempt < 8 && LostARace(e))
            {
                await transaction.RollbackAsync(CancellationToken.None);
                db.ChangeTracker.Clear();
                await Task.Delay(Random.Shared.Next(5, 20) * attempt, ct);
            }
        }
    }

    private static bool LostARace(Exception e) => (e is DbUpdateException { InnerException: { } inner } ? inner : e) switch
    {
        PostgresException pg => pg.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.UniqueViolation,
        SqliteException lite => lite.SqliteErrorCode is 5 or 6 || lite.SqliteExtendedErrorCode == 2067, // busy, locked, unique
        _ => false,
    };
}
