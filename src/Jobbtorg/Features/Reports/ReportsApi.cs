using Jobbtorg.Features.AccessLog;
using Jobbtorg.Calendar;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features.Reports;

public static class ReportsApi
{
    public static RouteGroupBuilder MapReportsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/reports").WithTags("Reports").RequirePermission(Permission.ReadReports).NoPersonalData();

        // The query values are read as text so that a bad one is named in a ValidationProblem, not a bare 400.
        group.MapGet("/indicators", async Task<Results<Ok<IndicatorReport>, FieldProblem, ForbidHttpResult>> (
                Indicators indicators, Data.ReportsDb reports, CurrentUser user, TimeProvider clock, CancellationToken ct,
                string? from = null, string? to = null, string? asOf = null, string? groupBy = null, string? district = null) =>
            {
                var errors = new FieldErrors();
                var (start, end, seenOn, grouping) = ReadReportQuery(from, to, asOf, groupBy, clock, errors);
                var districtId = await ReadDistrictAsync(reports, district, errors, ct);
                if (errors.Count > 0) return new FieldProblem(errors);
                if (AccessRules.ReportScopeFor(user.Access, districtId) is not { } scope) return TypedResults.Forbid();

                return TypedResults.Ok(await indicators.ReportAsync(start!.Value, end!.Value, seenOn, grouping, scope, ct));
            })
            .WithName("getIndicatorReport")
            .WithSummary("Indicator report for a period")
            .WithDescription("The indicators of the job centres for the period [from, to] (dates yyyy-MM-dd, both included), " +
                             "as the data stood on asOf (default: today in Stockholm); events dated after asOf are ignored. Dates lie in 1900-01-01 … 2099-12-31. " +
                             "groupBy (reportingGroup, jobCentre, district, gender, targetGroup (the referral's) or benefit (keys WithBenefit " +
                             "and WithoutBenefit, as the referral says)) adds a breakdown under \"groups\"; a case " +
                             "with no value for the grouping is under \"unassigned\". Rates are fractions, null when nothing " +
                             "was measured. A missing or invalid value answers 400 naming the field. " +
                             "district (a district code) counts only the cases that district referred. A key bound to a district, and a " +
                             "district's case worker, always get their own district's figures: without district, or with their own, " +
                             "the answer is their district's; another district answers 403.")
            .ProducesValidationProblem();

        group.MapGet("/indicators/monthly", async Task<Results<Ok<MonthlySeries>, FieldProblem, ForbidHttpResult>> (
                Indicators indicators, Data.ReportsDb reports, CurrentUser user, TimeProvider clock, CancellationToken ct,
                string? month = null, string? months = null, string? asOf = null, string? groupBy = null, string? district = null) =>
            {
                var errors = new FieldErrors();
                var last = ReadMonth(nameof(month), month, errors);
                var count = 24;
                if (!string.IsNullOrWhiteSpace(months) && !(int.TryParse(months.Trim(), System.Globalization.NumberStyles.None,
                        System.Globalization.CultureInfo.InvariantCulture, out count) && count is >= 1 and <= MonthlySeries.MaxMonths))
                    errors.Refuse(nameof(months), "'{0}' is not a number of months from 1 to {1}.", months, MonthlySeries.MaxMonths);
                var seenOn = ReadDate(nameof(asOf), asOf, required: false, errors) ?? clock.Today();
                var grouping = ReadGroupBy(groupBy, errors);
                var districtId = await ReadDistrictAsync(reports, district, errors, ct);
                if (last is { } l && count is >= 1 and <= MonthlySeries.MaxMonths && l.AddMonths(1 - count).Year < Dates.Min.Year)
                    errors.Refuse(nameof(months), "The series cannot begin before {0}.", Dates.Min.Year);
                if (errors.Count > 0) return new FieldProblem(errors);
                if (AccessRules.ReportScopeFor(user.Access, districtId) is not { } scope) return TypedResults.Forbid();

                var points = await indicators.MonthlyAsync(last!.Value, count, seenOn, grouping ?? GroupBy.ReportingGroup, scope, ct);
                return TypedResults.Ok(MonthlySeries.Of(points, seenOn, withGroups: grouping is not null));
            })
            .WithName("getMonthlyIndicators")
            .WithSummary("Indicators month by month")
            .WithDescription("Enrolled, newly enrolled, closed, closure rate and closed to work for each of the `months` calendar " +
                             "months (default 24, at most 120) up to and including `month` (yyyy-MM), as the data stood on asOf " +
                             "(default: today in Stockholm). Each month's figures are those of the indicator report for that month " +
                             "alone (closedToWork: its closures for the reason Work). groupBy (as for the indicator report) adds each " +
                             "group with something in the series under \"groups\"; district restricts the figures to the cases that " +
                             "district referred, and a key bound to a district, or a district's case worker, always gets their own " +
                             "district's (another district answers 403). A missing or invalid value answers 400 naming the field.")
            .ProducesValidationProblem();

        // The cases behind a number ask a permission of their own: reports:read and the analysts' counts do not open them.
        var behind = routes.MapGroup("/api/reports").WithTags("Reports").RequirePermission(Permission.ReadReportCases).ShowsPersonalData();
        behind.MapGet("/indicators/cases", async Task<Results<Ok<IndicatorCasesAnswer>, FieldProblem, ForbidHttpResult>> (
                IndicatorCases indicatorCases, CaseAccess access, Data.ReportsDb reports, CurrentUser user, TimeProvider clock, CancellationToken ct,
                string? from = null, string? to = null, string? asOf = null, string? groupBy = null, string? group = null,
                string? measure = null, string? district = null) =>
            {
                var errors = new FieldErrors();
                var (start, end, seenOn, grouping) = ReadReportQuery(from, to, asOf, groupBy, clock, errors);
                var districtId = await ReadDistrictAsync(reports, district, errors, ct);
                if (string.IsNullOrWhiteSpace(measure))
                    errors.Refuse(nameof(measure), "Name the number to open in 'measure', one of: {0}.", string.Join(", ", IndicatorCases.Measures));
                else if (!IndicatorCases.IsMeasure(measure.Trim()))
                    errors.Refuse(nameof(measure), "'{0}' is not a number of the report; use one of: {1}.", measure, string.Join(", ", IndicatorCases.Measures));
                if (!string.IsNullOrEmpty(group) && grouping is null && errors.All(e => e.Key != nameof(groupBy)))
                    errors.Refuse(nameof(group), "A group is one of a grouping: give groupBy too, or leave out group for the total.");
                if (errors.Count > 0) return new FieldProblem(errors);
                // The same scope as the report's, so that count is the figure the caller's report shows.
                if (AccessRules.ReportScopeFor(user.Access, districtId) is not { } scope) return TypedResults.Forbid();
                if (grouping is { } g && !string.IsNullOrEmpty(group))
                {
                    var groups = await indicatorCases.GroupsAsync(g, seenOn, scope, ct);
                    if (!groups.Contains(group))
                        return new FieldProblem(errors.Refuse(nameof(group), "'{0}' is not a group of {1}; the groups are: {2}.",
                            group, ReportPageModel.Camel(g.ToString()), string.Join(", ", groups)));
                }

                var name = measure!.Trim();
                var behindNumber = await indicatorCases.BehindAsync(name, start!.Value, end!.Value, seenOn, grouping,
                    string.IsNullOrEmpty(group) ? null : group, scope, access.VisibleCases(Permission.ReadReportCases), ct);
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
                             "a case with two such jobs is listed twice. district restricts the count to the cases that district referred, as for the " +
                             "report; a key bound to a district, and a district's case worker, always count their own district's (another " +
                             "district answers 403) and see its cases. A missing or " +
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
        return (start, end, seenOn, ReadGroupBy(groupBy, errors));
    }

    private static GroupBy? ReadGroupBy(string? groupBy, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(groupBy)) return null;
        var name = Enum.GetNames<GroupBy>().FirstOrDefault(n => n.Equals(groupBy.Trim(), StringComparison.OrdinalIgnoreCase));
        if (name is not null) return Enum.Parse<GroupBy>(name);
        errors.Refuse(nameof(groupBy), "'{0}' is not a grouping; use reportingGroup, jobCentre, district, gender, targetGroup or benefit.", groupBy);
        return null;
    }

    /// <summary>The district a report is asked for, by code; null when none is named (or the code is refused).</summary>
    private static async Task<int?> ReadDistrictAsync(Data.ReportsDb reports, string? district, FieldErrors errors, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(district)) return null;
        var code = district.Trim();
        var id = await reports.Db.Districts.Where(d => d.Code == code).Select(d => (int?)d.Id).FirstOrDefaultAsync(ct);
        if (id is null) errors.Refuse(nameof(district), "'{0}' is not a district code.", district);
        return id;
    }

    /// <summary>A month written yyyy-MM, as its first day.</summary>
    private static DateOnly? ReadMonth(string field, string? value, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Refuse(field, "Enter the month '{0}' as yyyy-MM.", field);
            return null;
        }
        if (!Input.TryParseMonth(value.AsSpan().Trim(), out var first))
        {
            errors.Refuse(field, "'{0}' is not a month; write it as yyyy-MM.", value);
            return null;
        }
        if (first.Year < Dates.Min.Year || first.Year > Dates.Max.Year)
        {
            errors.Refuse(field, "The month {0} is outside the dates the system accepts, {1}-01 to {2}-12.", value.Trim(), Dates.Min.Year, Dates.Max.Year);
            return null;
        }
        return first;
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
