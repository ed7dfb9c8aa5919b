{{/* The chart name, or nameOverride. */}}
{{- define "gcm.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* release-chart, or fullnameOverride; the release name alone when it already holds the chart name. */}}
{{- define "gcm.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else if contains (include "gcm.name" .) .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name (include "gcm.name" .) | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "gcm.planner" -}}{{ include "gcm.fullname" . | trunc 55 | trimSuffix "-" }}-planner{{- end -}}
{{- define "gcm.agent" -}}{{ include "gcm.fullname" . | trunc 57 | trimSuffix "-" }}-agent{{- end -}}
{{- define "gcm.clusterSecret" -}}
{{- default (printf "%s-cluster" (include "gcm.fullname" .)) .Values.planner.clusterSecret.existingSecret -}}
{{- end -}}
{{- define "gcm.tokensSecret" -}}
{{- default (printf "%s-tokens" (include "gcm.fullname" .)) .Values.tokens.existingSecret -}}
{{- end -}}

{{/* Labels on every object. */}}
{{- define "gcm.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
app.kubernetes.io/name: {{ include "gcm.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: gcm-planner
{{- end -}}

{{/* Selector labels of one component (planner or agent): pass (list . "planner"). */}}
{{- define "gcm.selectorLabels" -}}
app.kubernetes.io/name: {{ include "gcm.name" (index . 0) }}
app.kubernetes.io/instance: {{ (index . 0).Release.Name }}
app.kubernetes.io/component: {{ index . 1 }}
{{- end -}}

{{- define "gcm.image" -}}
{{- $image := index . 0 -}}{{- $root := index . 1 -}}
{{- printf "%s:%s" $image.repository (default $root.Chart.AppVersion $image.tag) -}}
{{- end -}}

{{/* The planner API's URL inside the cluster. */}}
{{- define "gcm.apiUrl" -}}
{{- printf "%s://%s.%s.svc:%d" (ternary "https" "http" .Values.tls.enabled) (include "gcm.planner" .) .Release.Namespace (int .Values.planner.httpPort) -}}
{{- end -}}

{{/* A token kept across upgrades: the given one, else the one in the existing Secret, else a new one. */}}
{{- define "gcm.token" -}}
{{- $root := index . 0 -}}{{- $key := index . 1 -}}{{- $given := index . 2 -}}
{{- if $given -}}
{{- $given -}}
{{- else -}}
{{- $existing := dict -}}
{{- if $root.Values.tokens.reuseExisting -}}
{{- $existing = lookup "v1" "Secret" $root.Release.Namespace (include "gcm.tokensSecret" $root) -}}
{{- end -}}
{{- if and $existing $existing.data (index $existing.data $key) -}}
{{- index $existing.data $key | b64dec -}}
{{- else -}}
{{- randAlphaNum 40 -}}
{{- end -}}
{{- end -}}
{{- end -}}
