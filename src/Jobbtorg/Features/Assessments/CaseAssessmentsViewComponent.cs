using Jobbtorg.Features.Cases;
using Microsoft.AspNetCore.Mvc;

namespace Jobbtorg.Features.Assessments;

/// <param name="MayBegin">The instruments the reader may start (or go on with) on this case.</param>
/// <param name="OfferInitial">The case was just referred by the reader: the initial assessment is offered at once.</param>
public sealed record CaseAssessmentsView(Case Case, IReadOnlyList<Assessment> Assessments, IReadOnlyList<Instrument> MayBegin, bool MayReadAnswers,
    bool OfferInitial = false);

/// <summary>The case page's assessments: each one with its instrument, version, day, suggested and chosen result, the reason
/// for another choice and who signed, the drafts in progress, and the buttons to start or go on. For the readers of
/// assessments; the answers open only to those who may read them.</summary>
public sealed class CaseAssessmentsViewComponent(AssessmentWork work, CaseRows rows) : ViewComponent
{
    /// <summary>The TempData key the referral form leaves the new case's id under.</summary>
    public const string JustReferred = "JustReferred";

    public async Task<IViewComponentResult> InvokeAsync(Case @case)
    {
        if (!work.MayRead(@case)) return Content("");
        List<Assessment> list = await rows.AnyAsync<Assessment>(@case.Id, HttpContext.RequestAborted)
            ? await work.ListAsync(@case.Id, HttpContext.RequestAborted)
            : [];
        var begin = @case.IsOpen ? Enum.GetValues<Instrument>().Where(i => work.MayMake(@case, i)).ToList() : [];
        var offer = TempData[JustReferred] is int referred && referred == @case.Id && begin.Contains(Instrument.Initial)
                    && list.All(a => a.Instrument != Instrument.Initial);
        return View("/Features/Assessments/_CaseAssessments.cshtml", new CaseAssessmentsView(@case, list, begin, work.MayReadAnswers(@case), offer));
    }
}
