using Jobbtorg.Features.Cases;
using Microsoft.AspNetCore.Mvc;

namespace Jobbtorg.Features.Assessments;

/// <param name="MayBegin">The instruments the reader may start (or go on with) on this case.</param>
public sealed record CaseAssessmentsView(Case Case, IReadOnlyList<Assessment> Assessments, IReadOnlyList<Instrument> MayBegin, bool MayReadAnswers);

/// <summary>The case page's assessments: each one with its instrument, version, day, suggested and chosen result, the reason
/// for another choice and who signed, the drafts in progress, and the buttons to start or go on. For the readers of
/// assessments; the answers open only to those who may read them.</summary>
public sealed class CaseAssessmentsViewComponent(AssessmentWork work) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Case @case)
    {
        if (!work.MayRead(@case)) return Content("");
        var list = await work.ListAsync(@case.Id, HttpContext.RequestAborted);
        var begin = @case.IsOpen ? Enum.GetValues<Instrument>().Where(i => work.MayMake(@case, i)).ToList() : [];
        return View("/Features/Assessments/_CaseAssessments.cshtml", new CaseAssessmentsView(@case, list, begin, work.MayReadAnswers(@case)));
    }
}
