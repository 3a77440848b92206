using Jobbtorg.Features.Access;
using Jobbtorg.Features.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jobbtorg.Features.Reports;

public static class ReportsApi
{
    public static RouteGroupBuilder MapReportsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/reports").WithTags("Reports").RequirePermission(Permission.ReadReports);

        // The query values are read as text so that a bad one is named in a ValidationProblem, not a bare 400.
        group.MapGet("/indicators", async Task<Results<Ok<IndicatorReport>, FieldProblem>> (
                Indicators indicators, TimeProvider clock, CancellationToken ct,
                string? from = null, string? to = null, string? asOf = null, string? groupBy = null) =>
            {
                var errors = new FieldErrors();
                var (start, end, seenOn, grouping) = ReadReportQuery(from, to, asOf, groupBy, clock, errors);
                if (errors.Count > 0) return new FieldProblem(errors);

                return TypedResults.Ok(await indicators.ReportAsync(start!.Value, end!.Value, seenOn, grouping, ct));
            })
            .WithName("getIndicatorReport")
            .WithSummary("Indicator report for a period")
            .WithDescription("The indicators of the job centres for the period [from, to] (dates yyyy-MM-dd, both included), " +
                             "as the data stood on asOf (default: today in Stockholm); events dated after asOf are ignored. Dates lie in 1900-01-01 … 2099-12-31. " +
                             "groupBy (reportingGroup, jobCentre, district or gender) adds a breakdown under \"groups\"; a case " +
                             "with no value for the grouping is under \"unassigned\". Rates are fractions, null when nothing " +
                             "was measured. A missing or invalid value answers 400 naming the field.")
            .ProducesValidationProblem();

        // The cases behind a number ask a permission of their own: reports:read and the analysts' counts do not open them.
        var behind = routes.MapGroup("/api/reports").WithTags("Reports").RequirePermission(Permission.ReadReportCases);
        behind.MapGet("/indicators/cases", async Task<Results<Ok<IndicatorCasesAnswer>, FieldProblem>> (
                IndicatorCases indicatorCases, CaseAccess access, TimeProvider clock, CancellationToken ct,
                string? from = null, string? to = null, string? asOf = null, string? groupBy = null, string? group = null,
                string? measure = null) =>
            {
                var errors = new FieldErrors();
                var (start, end, seenOn, grouping) = ReadReportQuery(from, to, asOf, groupBy, clock, errors);
                if (string.IsNullOrWhiteSpace(measure))
                    errors.Refuse(nameof(measure), "Name the number to open in 'measure', one of: {0}.", string.Join(", ", IndicatorCases.Measures));
                else if (!IndicatorCases.IsMeasure(measure.Trim()))
                    errors.Refuse(nameof(measure), "'{0}' is not a number of the report; use one of: {1}.", measure, string.Join(", ", IndicatorCases.Measures));
                if (!string.IsNullOrEmpty(group) && grouping is null && errors.All(e => e.Key != nameof(groupBy)))
                    errors.Refuse(nameof(group), "A group is one of a grouping: give groupBy too, or leave out group for the total.");
                if (errors.Count > 0) return new FieldProblem(errors);
                if (grouping is { } g && !string.IsNullOrEmpty(group))
                {
                    var groups = await indicatorCases.GroupsAsync(g, seenOn, ct);
                    if (!groups.Contains(group))
                        return new FieldProblem(errors.Refuse(nameof(group), "'{0}' is not a group of {1}; the groups are: {2}.",
                            group, ReportPageModel.Camel(g.ToString()), string.Join(", ", groups)));
                }

                var name = measure!.Trim();
                var behindNumber = await indicatorCases.BehindAsync(name, start!.Value, end!.Value, seenOn, grouping,
                    string.IsNullOrEmpty(group) ? null : group, access.VisibleCases(Permission.ReadReportCases), ct);
                return TypedResults.Ok(new IndicatorCasesAnswer(name, behindNumber.Count,
                    behindNumber.Shown.Select(c => c.Showing(IndicatorCases.FactsOf(name))).ToList(), behindNumber.NotShown));
            })
            .WithName("getIndicatorCases")
            .WithSummary("The cases behind a number of the indicator report")
            .WithDescription("The units one number of the indicator report counts (period, asOf and groupBy as for the report; group " +
                             "one key of the grouping, left out for the total; measure the number as the report's JSON names it, e.g. " +
                             "enrolled, closureReasons.Work, jobGuarantee.missed, stillSelfSupporting6Months.unknown). count is the " +
                             "figure of the report (for a waiting-time median: the number of cases it is the median of); cases lists " +
                             "each unit the caller may see by its case reference with the dates that decided it, and notShown counts " +
                             "the rest, so that the list's length plus notShown is always count. A municipal-job follow-up counts jobs: " +
                             "a case with two such jobs is listed twice. A district's key sees its district's cases. A missing or " +
                             "invalid value answers 400 naming the field.")
            .ProducesValidationProblem();

        return group;
    }

    /// <summary>The period, as-of date and grouping of a report query; the problems are added to <paramref name="errors"/>.</summary>
    private static (DateOnly? From, DateOnly? To, DateOnly AsOf, GroupBy? GroupBy) ReadReportQuery(string? from, string? to, string? asOf,
        string? groupBy, TimeProvider clock, FieldErrors errors)
    {
        var start = ReadDate(nameof(from), from, required: true, errors);
        var end = ReadDate(nameof(to), to, required: true, errors);
        var seenOn = ReadDate(nameof(asOf), asOf, required: false, errors) ?? clock.Today();
        if (start > end) errors.Refuse(nameof(to), "The period cannot end before it starts.");
        GroupBy? grouping = null;
        if (!string.IsNullOrWhiteSpace(groupBy))
        {
            var name = Enum.GetNames<GroupBy>().FirstOrDefault(n => n.Equals(groupBy.Trim(), StringComparison.OrdinalIgnoreCase));
            if (name is null) errors.Refuse(nameof(groupBy), "'{0}' is not a grouping; use reportingGroup, jobCentre, district or gender.", groupBy);
            else grouping = Enum.Parse<GroupBy>(name);
        }
        return (start, end, seenOn, grouping);
    }

    private static DateOnly? ReadDate(string field, string? value, bool required, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required) errors.Refuse(field, "Enter the date '{0}' as yyyy-MM-dd.", field);
            return null;
        }
        return Input.QueryDate(field, value, errors);
    }
}
