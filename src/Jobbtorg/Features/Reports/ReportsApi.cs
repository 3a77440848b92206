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
        group.MapGet("/indicators", async Task<Results<Ok<IndicatorReport>, ValidationProblem>> (
                Indicators indicators, TimeProvider clock, Texts texts, CancellationToken ct,
                string? from = null, string? to = null, string? asOf = null, string? groupBy = null) =>
            {
                var errors = new Dictionary<string, string[]>();
                var start = ReadDate(nameof(from), from, required: true, errors, texts);
                var end = ReadDate(nameof(to), to, required: true, errors, texts);
                var seenOn = ReadDate(nameof(asOf), asOf, required: false, errors, texts) ?? clock.Today();
                if (start > end) errors[nameof(to)] = [texts["The period cannot end before it starts."]];
                GroupBy? grouping = null;
                if (!string.IsNullOrWhiteSpace(groupBy))
                {
                    var name = Enum.GetNames<GroupBy>().FirstOrDefault(n => n.Equals(groupBy.Trim(), StringComparison.OrdinalIgnoreCase));
                    if (name is null) errors[nameof(groupBy)] = [texts.Format("'{0}' is not a grouping; use reportingGroup, jobCentre, district or gender.", groupBy)];
                    else grouping = Enum.Parse<GroupBy>(name);
                }
                if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

                var data = await indicators.LoadAsync(seenOn, ct);
                return TypedResults.Ok(IndicatorCalculator.Compute(data, start!.Value, end!.Value, grouping));
            })
            .WithName("getIndicatorReport")
            .WithSummary("Indicator report for a period")
            .WithDescription("The indicators of the job centres for the period [from, to] (dates yyyy-MM-dd, both included), " +
                             "as the data stood on asOf (default: today in Stockholm); events dated after asOf are ignored. Dates lie in 1900-01-01 … 2099-12-31. " +
                             "groupBy (reportingGroup, jobCentre, district or gender) adds a breakdown under \"groups\"; a case " +
                             "with no value for the grouping is under \"unassigned\". Rates are fractions, null when nothing " +
                             "was measured. A missing or invalid value answers 400 naming the field.")
            .ProducesValidationProblem();

        return group;
    }

    private static DateOnly? ReadDate(string field, string? value, bool required, Dictionary<string, string[]> errors, Texts texts)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required) errors[field] = [texts.Format("Enter the date '{0}' as yyyy-MM-dd.", field)];
            return null;
        }
        if (Input.TryReadDate(value, out var date, out var problem)) return date;
        errors[field] = [texts.Format(problem!.Template, problem.Args)];
        return null;
    }
}
