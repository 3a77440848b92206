using System.Text.Json;
using Jobbtorg.Calendar;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Attendance;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.InfoMeetings;
using Jobbtorg.Features.Organisation;
using Jobbtorg.Features.Plans;
using Jobbtorg.Features.Shared;
using Jobbtorg.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Data;

/// <summary>
/// Demo users for every role and a few hundred participants in every state of the case flow, dated
/// relative to today. Only the Tax Agency's official test personal numbers are used.
/// Development only: the app refuses to start in Production while demo users exist.
/// </summary>
public sealed class DemoData(JobbtorgDb db, UserManager<AppUser> users, TimeProvider clock, OccupationCatalogue occupations,
    BookInfoMeeting bookInfoMeeting)
{
    public const string Password = "Jobbtorg-demo-1";

    public static readonly (string Email, string Name, string Role, string? Centre, string? District)[] Users =
    [
        ("coach.farsta@demo.jobbtorg.se", "Anna Lindqvist", Roles.Coach, "farsta", null),
        ("coach2.farsta@demo.jobbtorg.se", "Erik Bergström", Roles.Coach, "farsta", null),
        ("coach3.farsta@demo.jobbtorg.se", "Sara Holm", Roles.Coach, "farsta", null),
        ("coach.kista@demo.jobbtorg.se", "Mohammed Karimi", Roles.Coach, "kista", null),
        ("coach2.kista@demo.jobbtorg.se", "Lena Nyström", Roles.Coach, "kista", null),
        ("coach.ungdom@demo.jobbtorg.se", "Jonas Ek", Roles.Coach, "kista-ungdom", null),
        ("matcher.farsta@demo.jobbtorg.se", "Petra Sjöberg", Roles.Matcher, "farsta", null),
        ("handlaggare.eav@demo.jobbtorg.se", "Karin Dahl", Roles.CaseWorker, null, "enskede-arsta-vantor"),
        ("handlaggare.rinkeby@demo.jobbtorg.se", "Ali Hassan", Roles.CaseWorker, null, "rinkeby-kista"),
        ("chef.farsta@demo.jobbtorg.se", "Maria Engström", Roles.Manager, "farsta", null),
        ("analytiker@demo.jobbtorg.se", "Johan Wallin", Roles.Analyst, null, null),
        ("admin@demo.jobbtorg.se", "Eva Forsberg", Roles.Administrator, null, null),
    ];

    /// <summary>External providers' staff: they see the attendance day view for their own provider's activities only.</summary>
    public static readonly (string Email, string Name, string ProviderOrganisationNumber)[] ProviderUsers =
    [
        ("anordnare.sprakskolan@demo.jobbtorg.se", "Nadia Sundberg", "5599000006"),
    ];

    internal static readonly string[] FirstNames =
        ["Amina", "Johan", "Fatima", "Mikael", "Sofia", "Ahmed", "Elin", "Omar", "Linnea", "Yusuf", "Maja", "Daniel", "Hanna",
         "Abdi", "Emma", "Karl", "Leila", "Oskar", "Sara", "Hassan", "Ida", "Peter", "Nour", "Lars", "Ebba", "Samir", "Julia", "Ali"];
    internal static readonly string[] LastNames =
        ["Andersson", "Johansson", "Mohamed", "Karlsson", "Nilsson", "Ali", "Eriksson", "Larsson", "Hussein", "Olsson", "Persson",
         "Svensson", "Gustafsson", "Yilmaz", "Pettersson", "Jonsson", "Abdullahi", "Lindberg", "Axelsson", "Berg", "Nguyen"];

    /// <summary>The mark the demo cases carry (<see cref="Case.ReferredBy"/>): the cases are seeded once.</summary>
    public const string ReferredBy = "Demo";

    /// <summary>
    /// Seeds what is missing: each demo user that does not exist yet, and the demo cases unless they were seeded before.
    /// A start that stopped half-way (users made, no cases) is completed by the next one. A demo person already in the
    /// database (imported, or referred by hand) is reused: their row is never written twice, and they get a demo case only
    /// when they have no open case and their last case closed before the demo referral.
    /// </summary>
    public async Task SeedAsync(CancellationToken ct = default)
    {
        var centres = await db.JobCentres.ToDictionaryAsync(c => c.Code, ct);
        var districts = await db.Districts.ToDictionaryAsync(d => d.Code, ct);

        foreach (var (email, name, role, centre, district) in Users)
        {
            if (await users.FindByEmailAsync(email) is not null) continue;
            var user = new AppUser
            {
                UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, IsDemo = true,
                JobCentreId = centre is null ? null : centres[centre].Id,
                DistrictId = district is null ? null : districts[district].Id,
            };
            var result = await users.CreateAsync(user, Password);
            if (!result.Succeeded) throw new InvalidOperationException(string.Join(", ", result.Errors.Select(e => e.Description)));
            await users.AddToRoleAsync(user, role);
        }
        foreach (var (email, name, organisationNumber) in ProviderUsers)
        {
            if (await users.FindByEmailAsync(email) is not null) continue;
            var provider = await db.Providers.SingleAsync(p => p.OrganisationNumber == organisationNumber, ct);
            var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, IsDemo = true, ProviderId = provider.Id };
            var result = await users.CreateAsync(user, Password);
            if (!result.Succeeded) throw new InvalidOperationException(string.Join(", ", result.Errors.Select(e => e.Description)));
            await users.AddToRoleAsync(user, Roles.Provider);
        }
        await DemoDataEmployers.SeedAsync(db, clock, ct);
        // The programmes' people are demo cases too, so the programmes are seeded after the others, each once.
        if (!await db.Cases.AnyAsync(c => c.ReferredBy == ReferredBy, ct)) await SeedCasesAsync(districts, ct);
        await DemoDataProgrammes.SeedAsync(db, (await users.GetUsersInRoleAsync(Roles.Coach)).Where(c => c.IsDemo).ToList(), clock, ct);
    }

    private async Task SeedCasesAsync(Dictionary<string, District> districts, CancellationToken ct)
    {
        var today = clock.Today();
        var random = new Random(2026);
        var coaches = (await users.GetUsersInRoleAsync(Roles.Coach)).Where(c => c.IsDemo).ToList();
        var activityTypes = await db.ActivityTypes.ToListAsync(ct);
        // External activities are delivered by a provider: the language school for language courses, the others by the first one.
        var providers = await db.Providers.OrderBy(p => p.Id).ToListAsync(ct);
        int? ProviderFor(Features.Organisation.ActivityType type) => !type.ExternalProvider || providers.Count == 0 ? null
            : type.Code is "sfi" or "communication-course" ? providers.FirstOrDefault(p => p.OrganisationNumber == "5599000006")?.Id ?? providers[0].Id
            : type.Code == "vocational-training" ? providers.FirstOrDefault(p => p.OrganisationNumber == "5599000014")?.Id ?? providers[0].Id
            : providers[0].Id;
        var demoDistricts = new[] { "enskede-arsta-vantor", "skarpnack", "farsta", "rinkeby-kista", "spanga-tensta" }.Select(c => districts[c]).ToArray();
        var goals = new[] { "5223", "4321", "9111", "5321", "8332", "5120", "9412", "2341" }.Select(c => occupations.Find(c)!).ToArray();

        using var stream = typeof(DemoData).Assembly.GetManifestResourceStream("Jobbtorg.Data.Reference.demo-personal-numbers.json")!;
        var numbers = JsonSerializer.Deserialize<string[]>(stream)!;
        // People already here (imported, or referred by hand): reused, never stored twice.
        var known = await db.Participants.Where(p => numbers.Contains(p.PersonalNumber)).ToDictionaryAsync(p => p.PersonalNumber, ct);
        var knownIds = known.Values.Select(p => p.Id).ToList();
        var theirCases = (await db.Cases.Where(c => knownIds.Contains(c.ParticipantId))
                .Select(c => new { c.ParticipantId, Open = c.Status != CaseStatus.Closed, c.ClosureDate }).ToListAsync(ct))
            .ToLookup(c => c.ParticipantId);
        PlannedActivity Weekly(ActivityType type, DateOnly from, decimal hours, DateOnly? until = null) =>
            new() { ActivityTypeId = type.Id, ProviderId = ProviderFor(type), StartDate = from, EndDate = until, HoursPerWeek = hours };
        void WritePlan(Case c, DateOnly on, bool thin)
        {
            var plan = c.StartPlanVersion(ReferredBy, new DateTimeOffset(on.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero));
            if (plan.Activities.Count == 0)
            {
                plan.SetGoal(goals[random.Next(goals.Length)], "Målet är en anställning inom yrket inom ett år.");
                // One visit a week, now and then; a full plan otherwise: job search every day and a course beside it.
                if (thin) plan.AddActivity(Weekly(activityTypes[0], on, 3));
                else
                {
                    plan.AddActivity(Weekly(activityTypes[0], on, 20));
                    var second = activityTypes[random.Next(2, activityTypes.Count)];
                    plan.AddActivity(Weekly(second, on.AddDays(14), 10, on.AddDays(120)));
                }
            }
            c.AgreePlan(on, ReferredBy, today);
        }

        for (var i = 0; i < 320; i++)
        {
            var pn = PersonalNumber.Parse(numbers[i], today);
            var age = pn.AgeOn(today) ?? 30;
            if (age < 17) continue;
            var district = demoDistricts[i % demoDistricts.Length];
            var isYouth = AgeBands.IsYouth(age);
            // Referrals over the last year and a half, more of them recent: a centre's caseload turns over.
            var referralDate = today.AddDays(-(int)(540 * Math.Pow(random.NextDouble(), 1.3)));
            var firstName = FirstNames[random.Next(FirstNames.Length)];
            var lastName = LastNames[random.Next(LastNames.Length)];
            if (known.TryGetValue(pn.Value, out var existing)
                && theirCases[existing.Id].Any(x => x.Open || x.ClosureDate >= referralDate)) continue;
            var participant = existing ?? new Participant
            {
                PersonalNumber = pn.Value, FirstName = firstName, LastName = lastName,
                Gender = pn.Sex == LegalSex.Female ? Gender.F : Gender.M,
            };
            var c = Case.Refer(participant, participant.Gender, district, district.ServingJobCentreId(isYouth), referralDate,
                new DateTimeOffset(referralDate.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero), ReferredBy, ReferralChannel.Form);
            c.TargetGroup = isYouth ? TargetGroup.Youth : (TargetGroup)random.Next(0, 4);
            c.ReceivesBenefit = random.NextDouble() < 0.85;
            c.HasChildren = random.NextDouble() < 0.35;
            c.NewlyUnemployed = random.NextDouble() < 0.3;
            c.NewlyArrived = c.TargetGroup == TargetGroup.AdultRefugee || random.NextDouble() < 0.1;
            c.ConsentGiven = random.NextDouble() < 0.8;
            c.ConsentDate = c.ConsentGiven ? referralDate : null;
            c.ReferralText = "Demo: söker arbete inom service, har tidigare erfarenhet av lager.";
            db.Cases.Add(c);

            var centreCoaches = coaches.Where(x => x.JobCentreId == c.JobCentreId).ToList();
            // Enrolled one to three weeks after the referral, after the info meeting; the referrals of the last weeks wait.
            var enrolDate = WorkingDays.AddWorkingDays(referralDate, random.Next(5, 15));
            if (centreCoaches.Count == 0 || enrolDate > today || i % 11 == 0)
            {
                // A few older referrals were withdrawn before enrolment (the person found work, moved, …).
                if (referralDate.AddDays(20) <= today)
                    c.Close(referralDate.AddDays(10), ClosureReason.Other, ClosureSubReason.NoLongerOnBenefit, null, ReferredBy, today);
                continue;
            }
            c.Enrol(enrolDate, centreCoaches[random.Next(centreCoaches.Count)], pn.AgeOn(enrolDate), today);

            // The first plan: most within the five working days, some a few days late; the newest wait for theirs.
            var deadline = c.JobGuaranteeDeadline!.Value;
            var agreedOn = random.NextDouble() < 0.85
                ? WorkingDays.AddWorkingDays(enrolDate, random.Next(1, 6))
                : WorkingDays.AddWorkingDays(deadline, random.Next(1, 9));
            if (agreedOn > today) continue;
            var thin = i % 16 == 5;
            WritePlan(c, agreedOn, thin);

            // Some leave within the year: to work, studies, or otherwise.
            var closeOn = agreedOn.AddDays(random.Next(30, 400));
            var closes = closeOn <= today && random.NextDouble() < 0.55;
            // Reviews every three months, on time or a little before; one now and then is left a few weeks late.
            var last = agreedOn;
            while (true)
            {
                var due = Dates.PlusMonths(last, Case.PlanReviewMonths);
                var reviewOn = WorkingDays.PreviousWorkingDay(due.AddDays(-random.Next(0, 12)));
                if (reviewOn > today || (closes && reviewOn >= closeOn)) break;
                if (!closes && due < today && Dates.PlusMonths(due, 1) > today && random.NextDouble() < 0.3) break;
                WritePlan(c, reviewOn, thin);
                last = reviewOn;
            }
            if (closes)
            {
                var reason = (ClosureReason)Math.Min(random.Next(0, 6), 4);
                var subs = ClosureReasons.SubReasonsFor(reason);
                c.Close(closeOn, reason, subs.Count == 0 ? null : subs[random.Next(subs.Count)], null, ReferredBy, today);
                continue;
            }
            // A few are on sick or parental leave just now; some of them are back already.
            if (i % 9 == 0)
            {
                var pauseOn = WorkingDays.PreviousWorkingDay(today.AddDays(-random.Next(3, 40)));
                if (pauseOn <= last) continue;
                c.Pause(pauseOn, (PauseReason)random.Next(0, 3), null, today);
                var resumeOn = pauseOn.AddDays(random.Next(7, 30));
                if (resumeOn <= today && i % 2 == 0) c.Resume(resumeOn, today);
            }
        }
        await db.SaveChangesAsync(ct);
        var demoCases = db.Cases.Where(c => c.ReferredBy == ReferredBy);
        await SeedInfoMeetingsAsync(await db.JobCentres.ToDictionaryAsync(c => c.Code, ct), demoCases, today, ct);
        await SeedAttendanceAsync(demoCases, today, ct);
    }

    /// <summary>Weekly info meetings at every centre for the coming six weeks, and last week's adult meeting at each, held:
    /// the referrals of the weeks before it were there, most of them came (ready to enrol), a few did not. The others
    /// are booked on the coming meetings as a referral would be, the no-shows again.</summary>
    private async Task SeedInfoMeetingsAsync(Dictionary<string, JobCentre> centres, IQueryable<Case> demoCases, DateOnly today, CancellationToken ct)
    {
        var tuesday = today.AddDays(1 + ((int)DayOfWeek.Tuesday - (int)today.AddDays(1).DayOfWeek + 7) % 7);
        var lastTuesday = tuesday.AddDays(-7) == today ? tuesday.AddDays(-14) : tuesday.AddDays(-7);
        var held = new List<InfoMeeting>();
        foreach (var centre in centres.Values.Where(c => c.ParentId is null))
        {
            db.InfoMeetings.AddRange(WeeklyMeetings(centre, MeetingKind.Adult, tuesday, new TimeOnly(9, 30), "Sal Konferens 1", 15, "svenska"));
            held.AddRange(WeeklyMeetings(centre, MeetingKind.Adult, lastTuesday, new TimeOnly(9, 30), "Sal Konferens 1", 15, "svenska", weeks: 1,
                scheduledOn: lastTuesday.AddDays(-14)));
        }
        db.InfoMeetings.AddRange(held);
        db.InfoMeetings.AddRange(WeeklyMeetings(centres[ReferenceData.YouthCentre], MeetingKind.Youth, tuesday.AddDays(2), new TimeOnly(13, 0), "Ungdomsrummet", 10, "svenska"));
        db.InfoMeetings.AddRange(WeeklyMeetings(centres["kista"], MeetingKind.Adult, tuesday.AddDays(1), new TimeOnly(10, 0), "Sal 2", 12, "arabiska"));
        await db.SaveChangesAsync(ct);

        var random = new Random(7);
        var seats = held.ToDictionary(m => m.Id, m => m.Capacity);
        var referred = await demoCases.Where(c => c.Status == CaseStatus.Referred).Include(c => c.Participant).OrderBy(c => c.ReferralDate).ToListAsync(ct);
        foreach (var c in referred)
        {
            var meeting = held.FirstOrDefault(m => m.JobCentreId == c.JobCentreId && m.Kind == BookingPolicy.KindFor(c));
            if (meeting is null || c.ReferralDate.AddDays(2) > meeting.Day || seats[meeting.Id] == 0) continue;
            seats[meeting.Id]--;
            var booking = db.InfoMeetingBookings.Add(meeting.Book(c, chosenByHand: false, ReferredBy, meeting.StartsAt.AddDays(-7))).Entity;
            await db.SaveChangesAsync(ct);
            await db.TakeSeatAsync(meeting.Id, ct);
            var outcome = meeting.RecordOutcome(booking, random.NextDouble() < 0.8 ? BookingStatus.Attended : BookingStatus.NoShow, ReferredBy,
                meeting.EndsAt)!;
            db.InfoMeetingOutcomes.Add(outcome);
            if (outcome.Attended) c.AttendedInfoMeeting(outcome.Date);
            await db.SaveChangesAsync(ct);
        }

        var toBook = await demoCases.Where(c => c.Status == CaseStatus.Referred && c.FirstAttendedInfoMeeting == null)
            .OrderBy(c => c.ReferralDate).Select(c => c.Id).ToListAsync(ct);
        foreach (var caseId in toBook) await bookInfoMeeting.HandleAsync(caseId, ct: ct);
    }

    /// <summary>Five weeks of registered attendance, mostly present, a few absences and a few days nobody registered, so
    /// that rates, the day view and the district's inbox look as they would in use.</summary>
    private async Task SeedAttendanceAsync(IQueryable<Case> demoCases, DateOnly today, CancellationToken ct)
    {
        var random = new Random(11);
        var now = clock.GetUtcNow();
        var cases = await demoCases.Where(c => c.EnrolmentDate != null)
            .Include(c => c.Pauses).Include(c => c.Plans).ThenInclude(p => p.Activities).ThenInclude(a => a.ActivityType)
            .AsSplitQuery().ToListAsync(ct);
        foreach (var c in cases)
            foreach (var (date, activity) in RequiredDays.For(c, today.AddDays(-35), today.AddDays(-1)))
            {
                var roll = random.NextDouble();
                if (roll < 0.03) continue; // not registered
                var day = new AttendanceDay { CaseId = c.Id, Date = date, ActivityTypeId = activity.ActivityTypeId };
                if (roll < 0.06) day.Record(AttendanceStatus.UnexcusedAbsence, null, null, ReferredBy, now);
                else if (roll < 0.12) day.Record(AttendanceStatus.ExcusedAbsence, (AbsenceReason)random.Next(0, 4), null, ReferredBy, now);
                else day.Record(AttendanceStatus.Present, null, null, ReferredBy, now);
                db.AttendanceDays.Add(day);
            }
        await db.SaveChangesAsync(ct);
    }

    /// <param name="scheduledOn">The day the meetings were planned, for a meeting already held; today otherwise.</param>
    private IEnumerable<InfoMeeting> WeeklyMeetings(JobCentre centre, MeetingKind kind, DateOnly first, TimeOnly time, string room, int capacity, string language,
        int weeks = 6, DateOnly? scheduledOn = null)
    {
        var request = new MeetingRequest
        {
            JobCentre = centre.Code, Kind = kind, Date = first, Time = time, DurationMinutes = 90, Room = room, Capacity = capacity, Language = language, Weeks = weeks,
        };
        var now = scheduledOn is { } day ? new DateTimeOffset(day.ToDateTime(new TimeOnly(8, 0)), TimeSpan.Zero) : clock.GetUtcNow();
        var scheduling = InfoMeeting.Schedule(request, centre.Id, ReferredBy, now);
        return scheduling.Broken.Count == 0 ? scheduling.Meetings
            : throw new InvalidOperationException($"Demo meetings at {centre.Code} break {scheduling.Broken[0].Template}");
    }
}
