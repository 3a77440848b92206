using System.Text.Json;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.Programmes;
using Jobbtorg.Features.Shared;
using Jobbtorg.Identity;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Data;

/// <summary>
/// Demo special programmes, after the figures of Stockholm's labour-market administration (2023): the team for people who
/// have left criminal networks (avhoppare), 2.15 mnkr in 2023, with about 80 people in parallel support during 2022 and
/// 2023, of whom 41 were closed up to and including October 2023, 32 of them to work or studies; and Welcome House for
/// the newly arrived (run with Intro Stockholm), 25 mnkr in 2022 of which 4.6 mnkr external funding (mainly ESF).
/// The dates are fixed in 2022–2024, not relative to today, so the report of those years keeps the seed's figures.
/// Only the Tax Agency's official test personal numbers are used. Seeded once: nothing is added when a programme exists.
/// </summary>
public static class DemoDataProgrammes
{
    public const string LeavingCrime = "Avhopparverksamheten";
    public const string WelcomeHouse = "Welcome House";
    public const int LeavingCrimeMembers = 80, ClosedByOctober2023 = 41, ClosedToWorkOrStudies = 32;
    public const long LeavingCrimeCost2023 = 2_150_000;
    /// <summary>2022: the team's first year, with fewer people in it (about 40 against about 70 in 2023): the 2023 cost in proportion.</summary>
    public const long LeavingCrimeCost2022 = 1_230_000;
    public const long WelcomeHouseCost2022 = 25_000_000, WelcomeHouseFunding2022 = 4_600_000;

    /// <summary>The numbers the programme's people take in the demo list: after the 320 of the ordinary demo cases.</summary>
    private const int FirstNumber = 320;
    private static readonly DateOnly LastDayCounted = new(2023, 10, 31);

    public static async Task SeedAsync(JobbtorgDb db, IReadOnlyList<AppUser> coaches, TimeProvider clock, CancellationToken ct = default)
    {
        if (await db.Set<Programme>().AnyAsync(ct)) return;
        var today = clock.Today();
        var at = clock.GetUtcNow();
        var avhoppare = Programme.Create(new ProgrammeRequest
        {
            Name = LeavingCrime, Kind = ProgrammeKind.LeavingCrime,
            Description = "Särskilt team för personer som lämnat kriminella nätverk; parallellt stöd mot arbete eller studier tillsammans med avhopparverksamheten.",
        }, DemoData.ReferredBy, at);
        var welcome = Programme.Create(new ProgrammeRequest
        {
            Name = WelcomeHouse, Kind = ProgrammeKind.NewlyArrived,
            Description = "För nyanlända, tillsammans med Intro Stockholm; delvis finansierat av ESF.",
        }, DemoData.ReferredBy, at);
        db.AddRange(avhoppare, welcome);
        await db.SaveChangesAsync(ct);
        avhoppare.SetYear(2022, LeavingCrimeCost2022, 0);
        avhoppare.SetYear(2023, LeavingCrimeCost2023, 0);
        welcome.SetYear(2022, WelcomeHouseCost2022, WelcomeHouseFunding2022);
        await db.SaveChangesAsync(ct);
        // The people's cases close as late as mid-2024: a clock before then gets the programmes alone.
        if (today < new DateOnly(2024, 7, 1)) return;
        await SeedLeavingCrimeAsync(db, avhoppare, coaches, today, at, ct);
    }

    private static async Task SeedLeavingCrimeAsync(JobbtorgDb db, Programme programme, IReadOnlyList<AppUser> coaches, DateOnly today,
        DateTimeOffset at, CancellationToken ct)
    {
        using var stream = typeof(DemoData).Assembly.GetManifestResourceStream("Jobbtorg.Data.Reference.demo-personal-numbers.json")!;
        var numbers = JsonSerializer.Deserialize<string[]>(stream)!.Skip(FirstNumber).ToList();
        var known = (await db.Participants.Where(p => numbers.Contains(p.PersonalNumber)).Select(p => p.PersonalNumber).ToListAsync(ct)).ToHashSet();
        // The districts whose adult job centre has demo coaches.
        var districts = (await db.Districts.Where(d => d.Code == "farsta" || d.Code == "rinkeby-kista" || d.Code == "skarpnack")
            .OrderBy(d => d.Code).ToListAsync(ct)).Where(d => coaches.Any(c => c.JobCentreId == d.AdultJobCentreId)).ToList();
        if (districts.Count == 0) return;
        var random = new Random(2023);
        var start = new DateOnly(2022, 1, 10);
        var seeded = 0;
        foreach (var number in numbers)
        {
            if (seeded == LeavingCrimeMembers) break;
            if (known.Contains(number)) continue;
            var pn = PersonalNumber.Parse(number, today);
            // Adults of 25 to 60 in 2022: the adult centres' coaches take them.
            if (pn.AgeOn(start) is not (>= 25 and <= 60)) continue;
            var district = districts[seeded % districts.Count];
            var centreCoaches = coaches.Where(c => c.JobCentreId == district.ServingJobCentreId(false)).ToList();
            if (centreCoaches.Count == 0) continue;

            // The 41 closed by October 2023 were referred by the end of June 2023; the others any time until September 2023.
            var closesInTime = seeded < ClosedByOctober2023;
            var latestReferral = closesInTime ? new DateOnly(2023, 6, 30) : new DateOnly(2023, 9, 29);
            var referralDate = start.AddDays(random.Next(0, latestReferral.DayNumber - start.DayNumber + 1));
            var participant = new Participant
            {
                PersonalNumber = pn.Value, FirstName = DemoData.FirstNames[random.Next(DemoData.FirstNames.Length)],
                LastName = DemoData.LastNames[random.Next(DemoData.LastNames.Length)],
                Gender = pn.Sex == LegalSex.Female ? Gender.F : Gender.M,
            };
            var c = Case.Refer(participant, participant.Gender, district, district.ServingJobCentreId(false), referralDate,
                new DateTimeOffset(referralDate.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero), DemoData.ReferredBy, ReferralChannel.Form);
            c.TargetGroup = TargetGroup.UnemployedOnBenefit;
            c.ReceivesBenefit = random.NextDouble() < 0.7;
            c.ConsentGiven = true;
            c.ConsentDate = referralDate;
            c.ReferralText = "Demo: parallellt stöd tillsammans med avhopparverksamheten.";
            db.Cases.Add(c);
            var enrolled = referralDate.AddDays(random.Next(5, 15));
            c.Enrol(enrolled, centreCoaches[random.Next(centreCoaches.Count)], pn.AgeOn(enrolled), today);
            // A few the team took in itself, without a referral from the district.
            var membership = ProgrammeMembership.Join(programme, c, referralDate, takenInByProgramme: seeded % 8 == 3, DemoData.ReferredBy, at);
            db.Add(membership);

            // Closed in time: the first 32 to work or studies, the other 9 otherwise; the rest close in the first half of 2024.
            var (reason, sub) = seeded switch
            {
                < ClosedToWorkOrStudies => seeded % 4 == 0 ? (ClosureReason.Studies, (ClosureSubReason?)null)
                    : (ClosureReason.Work, seeded % 3 == 0 ? ClosureSubReason.Subsidised : ClosureSubReason.Unsubsidised),
                < ClosedByOctober2023 => seeded % 2 == 0 ? (ClosureReason.Other, ClosureSubReason.Moved) : (ClosureReason.EmploymentProgramme, null),
                _ => (ClosureReason)(seeded % 4) is var r && ClosureReasons.SubReasonsFor(r) is { Count: > 0 } subs
                    ? (r, subs[seeded % subs.Count]) : ((ClosureReason)(seeded % 4), null),
            };
            var earliest = enrolled.AddDays(30);
            var closeOn = closesInTime
                ? earliest.AddDays(random.Next(0, Math.Max(1, LastDayCounted.DayNumber - earliest.DayNumber + 1)))
                : new DateOnly(2024, 1, 8).AddDays(random.Next(0, 170));
            if (closeOn > LastDayCounted && closesInTime) closeOn = LastDayCounted;
            c.Close(closeOn, reason, sub, null, DemoData.ReferredBy, today);
            membership.Leave(closeOn, DemoData.ReferredBy, at);
            seeded++;
        }
        await db.SaveChangesAsync(ct);
    }
}
