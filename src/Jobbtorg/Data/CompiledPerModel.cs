using System.Collections.Concurrent;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Jobbtorg.Data;

/// <summary>
/// A single-result query that EF Core translates once rather than looking its translation up again from the expression
/// tree on every call (a large part of a short query's cost in the app), for the statements a busy use case runs each
/// time. An EF Core compiled query belongs to the model it was first run with, and SQLite's and PostgreSQL's contexts
/// have a model each, so it is compiled once per model.
/// </summary>
internal sealed class CompiledPerModel<TArg, TResult>(Expression<Func<JobbtorgDb, TArg, CancellationToken, TResult>> query)
{
    private readonly ConcurrentDictionary<IModel, Func<JobbtorgDb, TArg, CancellationToken, Task<TResult>>> compiled = new();

    public Task<TResult> RunAsync(JobbtorgDb db, TArg arg, CancellationToken ct) =>
        compiled.GetOrAdd(db.Model, _ => EF.CompileAsyncQuery(query))(db, arg, ct);
}
