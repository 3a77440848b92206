using System.Text.Json;
using Jobbtorg.Calendar;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Attendance;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.InfoMeetings;
using Jobbtorg.Features.Organisation;
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

    private static readonly string[] FirstNames =
        ["Amina", "Johan", "Fatima", "Mikael", "Sofia", "Ahmed", "Elin", "Omar", "Linnea", "Yusuf", "Maja", "Daniel", "Hanna",
         "Abdi", "Emma", "Karl", "Leila", "Oskar", "Sara", "Hassan", "Ida", "Peter", "Nour", "Lars", "Ebba", "Samir", "Julia", "Ali"];
    private static readonly string[] LastNames =
        ["Andersson", "Johansson", "Mohamed", "Karlsson", "Nilsson", "Ali", "Eriksson", "Larsson", "Hussein", "Olsson", "Persson",
         "Svensson", "Gustafsson", "Yilmaz", "Pettersson", "Jonsson", "Abdullahi", "Lindberg", "Axelsson", "Berg", "Nguyen"];

    public async Task SeedAsync(CancellationToken ct = default)
    {
        if (await db.Users.AnyAsync(u => u.IsDemo, ct)) return;
        var centres = await db.JobCentres.ToDictionaryAsync(c => c.Code, ct);
        var districts = await db.Districts.ToDictionaryAsync(d => d.Code, ct);

        foreach (var (email, name, role, centre, district) in Users)
        {
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
            var provider = await db.Providers.SingleAsync(p => p.OrganisationNumber == organisationNumber, ct);
            var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, IsDemo = true, ProviderId = provider.Id };
            var result = await users.CreateAsync(user, Password);
            if (!result.Succeeded) throw new InvalidOperationException(string.Join(", ", result.Errors.Select(e => e.Description)));
            await users.AddToRoleAsync(user, Roles.Provider);
        }
        await SeedCasesAsync(districts, ct);
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

        for (var i = 0; i < 320; i++)
        {
            var pn = PersonalNumber.Parse(numbers[i], today);
            var age = pn.AgeOn(today) ?? 30;
            if (age < 17) continue;
            var district = demoDistricts[i % demoDistricts.Length];
            var isYouth = AgeBands.IsYouth(age);
            var participant = new Participant
            {
                PersonalNumber = pn.Value,
                FirstName = FirstNames[random.Next(FirstNames.Length)],
                LastName = LastNames[random.Next(LastNames.Length)],
                Gender = pn.Sex == LegalSex.Female ? Gender.F : Gender.M,
            };
            var referralDate = today.AddDays(-random.Next(0, 540));
            var c = Case.Refer(participant, participant.Gender, district, district.ServingJobCentreId(isYouth), referralDate,
                new DateTimeOffset(referralDate.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero), "Demo", ReferralChannel.Form);
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
            var enrolDate = referralDate.AddDays(random.Next(5, 15));
            // A few recent referrals stay un-enrolled; a few older ones are withdrawn before enrolment.
            if (centreCoaches.Count == 0 || enrolDate > today || i % 11 == 0)
            {
                if (i % 22 == 0 && referralDate.AddDays(20) <= today)
                    c.Close(referralDate.AddDays(10), ClosureReason.Other, ClosureSubReason.NoLongerOnBenefit, null, "Demo", today);
                continue;
            }
            c.Enrol(enrolDate, centreCoaches[random.Next(centreCoaches.Count)], pn.AgeOn(enrolDate), today);

            if (i % 9 == 0 && enrolDate.AddDays(3) <= today)
            {
                c.Pause(enrolDate.AddDays(2), (PauseReason)random.Next(0, 3), null, today);
                if (enrolDate.AddDays(25) <= today && i % 2 == 0) c.Resume(enrolDate.AddDays(25), today);
                else continue;
            }
            // Most plans are agreed within a few working days; some late; some not yet.
            var agreeAfter = random.NextDouble() < 0.8 ? random.Next(1, 7) : random.Next(8, 20);
            var agreedOn = (c.JobGuaranteeDeadline ?? enrolDate).AddDays(agreeAfter - 7);
            if (agreedOn < enrolDate) agreedOn = enrolDate.AddDays(1);
            if (agreedOn > today || i % 13 == 0) continue;
            var plan = c.StartPlanVersion("Demo", new DateTimeOffset(enrolDate.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero));
            plan.SetGoal(goals[random.Next(goals.Length)], "Målet är en anställning inom yrket inom ett år.");
            plan.AddActivity(new() { ActivityTypeId = activityTypes[0].Id, StartDate = agreedOn, HoursPerWeek = 20 });
            var second = activityTypes[random.Next(2, activityTypes.Count)];
            plan.AddActivity(new() { ActivityTypeId = second.Id, ProviderId = ProviderFor(second), StartDate = agreedOn.AddDays(14), EndDate = agreedOn.AddDays(120), HoursPerWeek = 10 });
            c.AgreePlan(agreedOn, "Demo", today);

            var closeOn = agreedOn.AddDays(random.Next(30, 400));
            if (closeOn <= today && random.NextDouble() < 0.55)
            {
                var reason = (ClosureReason)Math.Min(random.Next(0, 6), 4);
                var subs = ClosureReasons.SubReasonsFor(reason);
                c.Close(closeOn, reason, subs.Count == 0 ? null : subs[random.Next(subs.Count)], null, "Demo", today);
            }
        }
        await db.SaveChangesAsync(ct);
        await SeedInfoMeetingsAsync(await db.JobCentres.ToDictionaryAsync(c => c.Code, ct), today, ct);
        await SeedAttendanceAsync(today, ct);
    }

    /// <summary>Weekly info meetings at every centre for the coming six weeks; the referred cases are booked on them
    /// as a referral would be.</summary>
    private async Task SeedInfoMeetingsAsync(Dictionary<string, JobCentre> centres, DateOnly today, CancellationToken ct)
    {
        var tuesday = today.AddDays(1 + ((int)DayOfWeek.Tuesday - (int)today.AddDays(1).DayOfWeek + 7) % 7);
        foreach (var centre in centres.Values.Where(c => c.ParentId is null))
            db.InfoMeetings.AddRange(WeeklyMeetings(centre, MeetingKind.Adult, tuesday, new TimeOnly(9, 30), "Sal Konferens 1", 15, "svenska"));
        db.InfoMeetings.AddRange(WeeklyMeetings(centres[ReferenceData.YouthCentre], MeetingKind.Youth, tuesday.AddDays(2), new TimeOnly(13, 0), "Ungdomsrummet", 10, "svenska"));
        db.InfoMeetings.AddRange(WeeklyMeetings(centres["kista"], MeetingKind.Adult, tuesday.AddDays(1), new TimeOnly(10, 0), "Sal 2", 12, "arabiska"));
        await db.SaveChangesAsync(ct);

        var referred = await db.Cases.Where(c => c.Status == CaseStatus.Referred).OrderBy(c => c.ReferralDate).Select(c => c.Id).ToListAsync(ct);
        foreach (var caseId in referred) await bookInfoMeeting.HandleAsync(caseId, ct: ct);
    }

    /// <summary>Five weeks of registered attendance, mostly present, a few absences and a few days nobody registered, so
    /// that rates, the day view and the district's inbox look as they would in use.</summary>
    private async Task SeedAttendanceAsync(DateOnly today, CancellationToken ct)
    {
        var random = new Random(11);
        var now = clock.GetUtcNow();
        var cases = await db.Cases.Where(c => c.EnrolmentDate != null)
            .Include(c => c.Pauses).Include(c => c.Plans).ThenInclude(p => p.Activities).ThenInclude(a => a.ActivityType)
            .AsSplitQuery().ToListAsync(ct);
        foreach (var c in cases)
            foreach (var (date, activity) in RequiredDays.For(c, today.AddDays(-35), today.AddDays(-1)))
            {
                var roll = random.NextDouble();
                if (roll < 0.03) continue; // not registered
                var day = new AttendanceDay { CaseId = c.Id, Date = date, ActivityTypeId = activity.ActivityTypeId };
                if (roll < 0.06) day.Record(AttendanceStatus.UnexcusedAbsence, null, null, "Demo", now);
                else if (roll < 0.12) day.Record(AttendanceStatus.ExcusedAbsence, (AbsenceReason)random.Next(0, 4), null, "Demo", now);
                else day.Record(AttendanceStatus.Present, null, null, "Demo", now);
                db.AttendanceDays.Add(day);
            }
        await db.SaveChangesAsync(ct);
    }

    private IEnumerable<InfoMeeting> WeeklyMeetings(JobCentre centre, MeetingKind kind, DateOnly first, TimeOnly time, string room, int capacity, string language)
    {
        var request = new MeetingRequest
        {
            JobCentre = centre.Code, Kind = kind, Date = first, Time = time, DurationMinutes = 90, Room = room, Capacity = capacity, Language = language, Weeks = 6,
        };
        var scheduling = InfoMeeting.Schedule(request, centre.Id, "Demo", clock.GetUtcNow());
        return scheduling.Broken.Count == 0 ? scheduling.Meetings
            : throw new InvalidOperationException($"Demo meetings at {centre.Code} break {scheduling.Broken[0].Template}");
    }
}
