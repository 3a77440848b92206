using Jobbtorg.Features.Cases;
using Jobbtorg.Tests.Http;
using Jobbtorg.Tests.Reports;
using Microsoft.EntityFrameworkCore;
using static Jobbtorg.Tests.Reports.CaseEvents;

namespace Jobbtorg.Tests.Import;

/// <summary>
/// A 10-digit personal number's century is judged against the date of the line it arrives with, not the day of the
/// import (domain.md "Personal identity numbers"): a migration of old referrals reads its people as they were written
/// then. The scenarios import on 2030-01-01.
/// </summary>
public class PersonalNumberCenturyTests
{
    /// <summary>Someone of 98 on 10 January 2024, born 1925: read on the import's day the short form would say 2025.</summary>
    private static string OldPerson() => TestPeople.Aged(98, 98, new DateOnly(2024, 1, 10));

    private static string TenDigits(string twelve) => $"{twelve[2..8]}-{twelve[8..]}";

    [Fact]
    public async Task A_short_number_on_an_old_referral_is_the_person_born_a_century_before_the_import_would_say()
    {
        var person = OldPerson();
        var written = TenDigits(person);
        await using var scenario = await ScenarioDatabase.CreateAsync();
        await scenario.ImportAsync(Stream(
            Referral("C-1", written, "2024-01-10"), Enrolment("C-1", "2024-01-17"), Closure("C-1", "2024-03-28", "Work"),
            BenefitMonth(written, "2024-09", false),
            OccupationStatus(written, "2024-11-29", "Working")));

        var stored = await scenario.Db.Cases.AsNoTracking().Include(c => c.Participant).SingleAsync(c => c.CaseRef == "C-1");
        Assert.Equal(person, stored.Participant.PersonalNumber);
        Assert.Equal(ReportingGroup.Other25Plus, stored.ReportingGroup);
        // The follow-up lines, dated in the same year, name the same person.
        Assert.Equal(1, await scenario.Db.Participants.CountAsync());
        Assert.Equal(1, await scenario.Db.BenefitMonths.CountAsync(m => m.ParticipantId == stored.ParticipantId));
        Assert.Equal(1, await scenario.Db.OccupationObservations.CountAsync(o => o.ParticipantId == stored.ParticipantId));
    }

    [Fact]
    public async Task The_same_short_number_on_a_line_after_the_birthday_a_century_later_is_a_newborn()
    {
        // Written with a hyphen on a 2026 line, the digits of a 1925 birth name someone born in 2025; a follow-up line
        // for them then names nobody the database knows.
        var person = OldPerson();
        var written = TenDigits(person);
        await using var scenario = await ScenarioDatabase.CreateAsync();
        await scenario.ImportAsync(Stream(Referral("C-2", written, "2024-01-10")));

        var result = await scenario.TryImportAsync(Stream(OccupationStatus(written, "2026-02-02", "Working")));

        var error = Assert.Single(result.Errors);
        Assert.Equal((1L, "No case in the database or in the stream has this personal number."), (error.Line, error.Reason.ToString()));
    }
}
