using System.Globalization;
using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features.Reports;

/// <summary>A case of the list as the page shows it: who, and what the measure counted.</summary>
public sealed record ListedCase(CountedCase Counted, string Name);

/// <summary>
/// The cases behind one number of the report (<c>/Reports/Cases?…&amp;measure=jobGuarantee.missed&amp;group=Youth</c>): the
/// cases the user may see, with name, case number and the dates that decided them, and how many more were counted. The
/// period, as-of date and grouping are read as on the report page.
/// </summary>
[RequirePermission(Permission.ReadReportCases)]
[Jobbtorg.Features.AccessLog.ShowsPersonalData]
public class CasesModel(ReportsDb db, IndicatorCases indicatorCases, CaseAccess access, Texts texts, TimeProvider clock, ProtectedIdentity.PersonShown personShown)
    : ReportPageModel(db, texts, clock)
{
    /// <summary>At most this many cases are listed on the page; the API lists them all.</summary>
    public const int MostListed = 1000;

    [BindProperty(SupportsGet = true, Name = "measure")] public string? Measure { get; set; }
    [BindProperty(SupportsGet = true, Name = "group")] public string? Group { get; set; }

    public CasesBehindNumber? Behind { get; private set; }
    public IReadOnlyList<ListedCase> Listed { get; private set; } = [];
    public IReadOnlyList<CaseFact> Facts { get; private set; } = [];
    /// <summary>The indicator and the number, in words: "Job guarantee: plan within five working days — Missed".</summary>
    public string MeasureName { get; private set; } = "";
    public string? GroupName { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        // The same scope as the report page's, so that the list adds up to the number the user clicked.
        if (!await ResolveScopeAsync(ct)) return Forbid();
        var measure = Measure?.Trim() ?? "";
        if (!IndicatorCases.IsMeasure(measure))
            ModelState.AddModelError("measure", Texts.Format("'{0}' is not a number of the report.", measure));
        if (!ResolvePeriod()) return Page();
        var group = string.IsNullOrEmpty(Group) || GroupBy is null ? null : Group;
        if (group is not null && !(await indicatorCases.GroupsAsync(GroupBy!.Value, AsOfDate, Scope, ct)).Contains(group))
            ModelState.AddModelError("group", Texts.Format("'{0}' is not a group of this breakdown.", group));
        if (!ModelState.IsValid) return Page();

        Facts = IndicatorCases.FactsOf(measure);
        MeasureName = NameOf(measure);
        if (group is not null) GroupName = IndicatorRows.GroupLabel(group, GroupBy!.Value, Texts, await GroupNamesAsync(ct));
        var visible = access.VisibleCases(Permission.ReadReportCases);
        Behind = await indicatorCases.BehindAsync(measure, Period!.From, Period.To, AsOfDate, GroupBy, group, Scope, visible, ct);

        var shown = Behind.Shown.Take(MostListed).ToList();
        var ids = shown.Select(c => c.CaseId).Distinct().ToList();
        var names = await personShown.NamesAsync(await visible.Where(c => ids.Contains(c.Id)).Select(c => c.Id).ToListAsync(ct), ct);
        Listed = shown.Select(c => new ListedCase(c, names.GetValueOrDefault(c.CaseId, ""))).ToList();
        return Page();
    }

    /// <summary>The indicator and the number as the report page names them.</summary>
    private string NameOf(string measure)
    {
        foreach (var row in IndicatorRows.For(Texts))
            foreach (var m in row.Measures)
                if (IndicatorCases.MeasureOf(row, m) == measure)
                    return row.Measures.Count == 1 ? row.Name : $"{row.Name} – {m.Label}";
        return measure;
    }

    public string FactHeading(CaseFact fact) => fact switch
    {
        CaseFact.Referral => Texts["Referred"],
        CaseFact.InfoMeeting => Texts["First info meeting attended"],
        CaseFact.Enrolment => Texts["Enrolled (E)"],
        CaseFact.Deadline => Texts["Plan deadline (D)"],
        CaseFact.FirstPlan => Texts["First plan agreed (P1)"],
        CaseFact.FirstAssessment => Texts["First assessment (A1)"],
        CaseFact.Closure => Texts["Closed (C)"],
        CaseFact.ClosureReason => Texts["Closure reason"],
        CaseFact.TwelveMonths => Texts["12 months after enrolment"],
        CaseFact.FollowUpMonth => Texts["Follow-up month"],
        CaseFact.BenefitThatMonth => Texts["Benefit that month"],
        CaseFact.MunicipalJobEnd => Texts["Municipal job ended"],
        CaseFact.Observation => Texts["Working or studying then"],
        CaseFact.Days => Texts["Days"],
        CaseFact.Placement => Texts["Job started"],
        _ => fact.ToString(),
    };

    public string FactValue(CaseFact fact, CountedCase c) => fact switch
    {
        CaseFact.Referral => Date(c.Referral),
        CaseFact.InfoMeeting => Date(c.InfoMeeting),
        CaseFact.Enrolment => Date(c.Enrolment),
        CaseFact.Deadline => c.Deadline is null && c.Enrolment is not null ? Texts["Paused"] : Date(c.Deadline),
        CaseFact.FirstPlan => Date(c.FirstPlan),
        CaseFact.FirstAssessment => Date(c.FirstAssessment),
        CaseFact.Closure => Date(c.Closure),
        CaseFact.ClosureReason => c.ClosureReason is { } reason ? Texts.Enum(reason) : "–",
        CaseFact.TwelveMonths => Date(c.TwelveMonths),
        CaseFact.FollowUpMonth => c.FollowUpMonth?.ToString("MMMM yyyy", CultureInfo.CurrentCulture) ?? "–",
        CaseFact.BenefitThatMonth => c.BenefitThatMonth switch { true => Texts["Yes"], false => Texts["No"], null => Texts["Not known"] },
        CaseFact.MunicipalJobEnd => Date(c.MunicipalJobEnd),
        CaseFact.Observation => c.Observed is { } status ? $"{Texts.Enum(status)} ({Date(c.ObservedOn)})" : Texts["Not known"],
        CaseFact.Days => c.Days?.ToString(CultureInfo.CurrentCulture) ?? "–",
        CaseFact.Placement => c.Placement is { } kind ? $"{Texts.Enum(kind)} ({Date(c.PlacementStart)})" : "–",
        _ => "",
    };

    private static string Date(DateOnly? date) => date is { } d ? Texts.Date(d) : "–";
}
