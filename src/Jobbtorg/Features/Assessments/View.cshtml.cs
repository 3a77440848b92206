using System.Globalization;
using Jobbtorg.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jobbtorg.Features.Assessments;

/// <summary>One row of an assessment as read: the question (in the version the assessment was made under) and the answer as
/// a reader sees it, beside the superseded assessment's answer when there is one.</summary>
public sealed record AnswerRow(string Key, string Question, string? Section, string Answer, string? Earlier, bool Changed);

/// <summary>A signed assessment, rendered with the questions of its own version (an assessment made under version 1 still
/// reads with version 1's questions after version 2 is published), and side by side with the assessment it superseded:
/// changed answers and results marked. The answers only for those who may read them.</summary>
[AccessLog.ShowsPersonalData]
public class ViewModel(AssessmentWork work, AnswerCheck check) : PageModel
{
    public Assessment Assessment { get; private set; } = null!;
    public Assessment? Superseded { get; private set; }
    public Assessment? SupersededBy { get; private set; }
    public bool MayReadAnswers { get; private set; }
    public IReadOnlyList<AnswerRow> Rows { get; private set; } = [];
    public string Title { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var ct = HttpContext.RequestAborted;
        var a = await work.FindAsync(id, ct);
        if (a is null) return NotFound();
        if (!a.IsSigned) return work.MayMake(a.Case, a.Instrument) ? RedirectToPage("/Assessments/Fill", new { id }) : NotFound();
        Assessment = a;
        MayReadAnswers = work.MayReadAnswers(a.Case);
        Superseded = await work.SupersededAsync(a, ct);
        SupersededBy = (await work.ListAsync(a.CaseId, ct)).FirstOrDefault(x => x.SupersedesId == a.Id);
        var culture = CultureInfo.CurrentUICulture;
        Title = a.InstrumentVersion?.Parsed.Title.In(culture) ?? "";
        if (MayReadAnswers && a.InstrumentVersion is { } version) Rows = RowsOf(version.Parsed, a, Superseded, culture);
        return Page();
    }

    private List<AnswerRow> RowsOf(InstrumentDefinition definition, Assessment a, Assessment? earlier, CultureInfo culture)
    {
        var answers = a.AnswerMap;
        var before = earlier?.AnswerMap;
        var earlierDefinition = earlier?.InstrumentVersion?.Parsed;
        var rows = definition.Questions.Select(q =>
        {
            var now = answers.GetValueOrDefault(q.Key);
            var then = before?.GetValueOrDefault(q.Key);
            var earlierQuestion = earlierDefinition?.Find(q.Key) ?? q;
            return new AnswerRow(q.Key, q.Text.In(culture), q.Section, check.Shown(q, now, culture),
                before is null ? null : check.Shown(earlierQuestion, then, culture), before is not null && now != then);
        }).ToList();
        // A question the earlier version asked and this one does not.
        if (earlierDefinition is not null && before is not null)
            rows.AddRange(earlierDefinition.Questions.Where(q => definition.Find(q.Key) is null && before.ContainsKey(q.Key))
                .Select(q => new AnswerRow(q.Key, q.Text.In(culture), q.Section, "", check.Shown(q, before[q.Key], culture), true)));
        return rows;
    }
}
