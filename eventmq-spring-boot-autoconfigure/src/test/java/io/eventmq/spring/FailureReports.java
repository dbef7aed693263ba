package io.eventmq.spring;

import java.util.List;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.ArgumentResolver;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;

/** What Spring Boot would print for a startup failure: the first failure analysis's description and action. */
final class FailureReports {

    private FailureReports() {
    }

    static String of(Throwable failure) {
        List<FailureAnalyzer> analyzers = SpringFactoriesLoader.forDefaultResourceLocation(
                FailureReports.class.getClassLoader()).load(FailureAnalyzer.class, ArgumentResolver.none(),
                FailureHandler.handleMessage((message, error) -> { }));
        for (FailureAnalyzer analyzer : analyzers) {
            FailureAnalysis analysis = analyzer.analyze(failure);
            if (analysis != null) {
                return analysis.getDescription() + "\n" + analysis.getAction();
            }
        }
        throw new AssertionError("no failure analyzer reports " + failure, failure);
    }
}
