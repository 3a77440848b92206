using System.IO.Pipelines;
using Jobbtorg.Features.Assessments;
using Jobbtorg.Features.Import;
using Jobbtorg.Tests.Http;
using Jobbtorg.Tests.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using static Jobbtorg.Tests.Reports.CaseEvents;

namespace Jobbtorg.Tests.Import;

/// <summary>
/// The <c>assessment</c> event of the case-event format (domain.md): enumerations by name, an assessment lies between the
/// referral and the closure and needs no enrolment; bad lines are listed with their numbers and nothing is stored;
/// importing twice changes nothing; the case keeps the day of its first assessment (A1), and the export writes every
/// signed assessment, imported or made here, as the same event.
/// </summary>
public class AssessmentImportTests
{
    private static string Person() => TestPeople.Adult(new DateOnly(2024, 1, 1));

    [Fact]
    public async Task Bad_assessment_lines_are_listed_by_line_and_field_and_nothing_is_stored()
    {
        await using var scenario = await ScenarioDatabase.CreateAsync();

        var result = await scenario.TryImportAsync(Stream(
            Referral("A-1", Person(), "2024-04-22"),
            Assessment("A-1", "2024-04-19"),
            Assessment("A-1", "2024-04-23", instrument: "Quick"),
            Assessment("A-1", "2024-04-23", availability: "Maybe"),
            """{"type":"assessment","caseRef":"A-1","date":"2024-04-23","instrument":"Initial","availability":"Available"}""",
            Assessment("A-1", "2024-02-30"),
            Assessment("A-9", "2024-04-23"),
            Closure("A-1", "2024-05-02", "Other"),
            Assessment("A-1", "2024-05-03"),
            // Accepted in the same stream, though the stream is refused as a whole: before enrolment, on the closure day.
            Assessment("A-1", "2024-05-02")));

        Assert.Equal(
        [
            (2L, "Case A-1 on 2024-04-19: The assessment cannot be dated before the referral (2024-04-22)."),
            (3L, "The field instrument has the unknown value 'Quick'; allowed: Initial, InDepth."),
            (4L, "The field availability has the unknown value 'Maybe'; allowed: Available, PartlyAvailable, NotAvailable."),
            (5L, "The field needCategory is missing."),
            (6L, "The field date has no such date: '2024-02-30'."),
            (7L, "There is no referral for the case A-9 before this line."),
            (9L, "Case A-1 on 2024-05-03: The assessment cannot be dated after the closure (2024-05-02)."),
        ], result.Errors.Select(e => (e.Line, e.Reason.ToString())));
        Assert.Equal(0, await scenario.Db.Cases.CountAsync());
        Assert.Equal(0, await scenario.Db.Assessments.CountAsync());
    }

    [Fact]
    public async Task Assessments_need_no_enrolment_keep_the_first_day_on_the_case_and_a_second_import_stores_nothing()
    {
        await using var scenario = await ScenarioDatabase.CreateAsync();
        var stream = Stream(
            Referral("A-1", Person(), "2024-04-22"),
            Assessment("A-1", "2024-04-24", availability: "PartlyAvailable", needCategory: "Situational"),
            Enrolment("A-1", "2024-04-29"),
            Assessment("A-1", "2024-05-20", instrument: "InDepth", availability: "NotAvailable", needCategory: "SpeciallyAdapted"),
            Closure("A-1", "2024-06-03", "Other"),
            // After the closure line, dated before it: a closed case still takes an assessment of its open days.
            Assessment("A-1", "2024-04-23", availability: "Available", needCategory: "Standard"));

        var first = await scenario.ImportAsync(stream);
        var again = await scenario.ImportAsync(stream);

        Assert.Equal((6, 0), (first.Imported, first.Skipped));
        Assert.Equal((0, 6), (again.Imported, again.Skipped));
        var stored = await scenario.Db.Cases.SingleAsync();
        Assert.Equal(new DateOnly(2024, 4, 23), stored.FirstAssessmentOn);
        var assessments = await scenario.Db.Assessments.OrderBy(a => a.AssessedOn).ToListAsync();
        Assert.Equal(3, assessments.Count);
        Assert.All(assessments, a => Assert.True(a.Imported && a.IsSigned && a.InstrumentVersionId is null && !a.Overridden));
        Assert.Equal((Instrument.InDepth, Availability.NotAvailable, NeedCategory.SpeciallyAdapted),
            (assessments[2].Instrument, assessments[2].Availability!.Value, assessments[2].NeedCategory!.Value));
    }

    [Fact]
    public async Task A_later_stream_adds_an_earlier_assessment_to_a_stored_case_and_cannot_close_it_before_a_stored_one()
    {
        await using var scenario = await ScenarioDatabase.CreateAsync();
        var person = Person();
        await scenario.ImportAsync(Stream(Referral("A-1", person, "2024-04-22"), Enrolment("A-1", "2024-04-29"), Assessment("A-1", "2024-05-10")));

        var closedTooEarly = await scenario.TryImportAsync(Stream(Closure("A-1", "2024-05-09", "Work")));
        await scenario.ImportAsync(Stream(Assessment("A-1", "2024-04-30"), Closure("A-1", "2024-05-10", "Work")));

        Assert.Equal([(1L, "Case A-1 on 2024-05-09: The closure date cannot be before 2024-05-10.")],
            closedTooEarly.Errors.Select(e => (e.Line, e.Reason.ToString())));
        var stored = await scenario.Db.Cases.SingleAsync();
        Assert.Equal((new DateOnly(2024, 4, 30), (DateOnly?)new DateOnly(2024, 5, 10)), (stored.FirstAssessmentOn!.Value, stored.ClosureDate));
        Assert.Equal(2, await scenario.Db.Assessments.CountAsync());
    }

    [Fact]
    public async Task An_assessment_signed_here_is_exported_as_the_event_and_a_draft_is_not()
    {
        await using var scenario = await ScenarioDatabase.CreateAsync();
        var now = new DateTimeOffset(2024, 5, 6, 10, 0, 0, TimeSpan.Zero);
        await scenario.ImportAsync(Stream(Referral("A-1", Person(), "2024-04-22"), Enrolment("A-1", "2024-04-29"),
            Referral("A-2", TestPeople.Adult(new DateOnly(2024, 1, 1)), "2024-04-22")));
        await InstrumentSeeds.SeedAsync(scenario.Db, new FakeTimeProvider(now));
        var initial = await scenario.Db.InstrumentVersions.SingleAsync(v => v.Instrument == Instrument.Initial);
        var c = await scenario.Db.Cases.Include(x => x.Plans).SingleAsync(x => x.CaseRef == "A-1");
        var signed = Features.Assessments.Assessment.Begin(c, initial, "coach-1", byDistrict: false, now);
        signed.SaveAnswers(new Dictionary<string, string> { ["own_goal"] = "Arbeta i butik" }, now);
        var suggestion = initial.Parsed.Suggest(signed.AnswerMap);
        signed.Sign(new DateOnly(2024, 5, 6), new DateOnly(2024, 5, 6), Availability.PartlyAvailable, NeedCategory.Situational,
            "Behöver först en kurs i svenska.", suggestion, null, "coach-1", now);
        var draft = Features.Assessments.Assessment.Begin(await scenario.Db.Cases.SingleAsync(x => x.CaseRef == "A-2"), initial, "coach-1", byDistrict: true, now);
        scenario.Db.Assessments.AddRange(signed, draft);
        await scenario.Db.SaveChangesAsync();

        using var exported = new MemoryStream();
        await new CaseEventExport(new StoredEvents(scenario.Db)).WriteAsync(PipeWriter.Create(exported), CancellationToken.None);
        var lines = System.Text.Encoding.UTF8.GetString(exported.ToArray()).Split('\n').Where(l => l.Contains("\"assessment\"")).ToList();

        Assert.Equal(["""{"type":"assessment","caseRef":"A-1","date":"2024-05-06","instrument":"Initial","availability":"PartlyAvailable","needCategory":"Situational"}"""],
            lines);
        Assert.Equal(new DateOnly(2024, 5, 6), (await scenario.Db.Cases.AsNoTracking().SingleAsync(x => x.CaseRef == "A-1")).FirstAssessmentOn);
    }
}
